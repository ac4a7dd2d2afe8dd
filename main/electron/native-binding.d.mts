/** Types of native-binding.mjs (shared with scripts/electron-native.mjs). */
export declare const NATIVE_DIR: '.electron-native';
/** `<appRoot>/.electron-native/<electronVersion>-<platform>-<arch>/better_sqlite3.node` */
export declare function electronNativeBindingPath(appRoot: string, electronVersion: string, platform?: string, arch?: string): string;
