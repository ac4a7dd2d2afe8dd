/** Automatic backups of the library: making, checking, rotating, scheduling and restoring them. */
export { createBackup, createBackupSync, removeStalePartials, type BackupFile, type BackupOptions } from './create';
export { openReadOnly, projectsInside, verifyLibraryFile, type ProjectInside } from './inspect';
export { BACKUPS_FOLDER, backupFileName, backupFiles, backupsDir, parseBackupName, type ParsedBackupName } from './names';
export { replaceLibraryFile, setAside } from './replace';
export { backupsToDelete, DEFAULT_ROTATION, type BackupStamp, type RotationPolicy } from './rotation';
export { BACKUP_INTERVAL_MS, BackupScheduler, systemClock, type BackupSchedulerOptions, type Clock } from './scheduler';
