namespace Kasify.Infrastructure.Persistence;

/// <summary>
/// Another instance holds the SQLite file's lock (<see cref="SqliteInstanceLock"/>). The message says what, which file,
/// and how to go on; start-up logs it as one critical line and exits with code 1 instead of crashing.
/// </summary>
public sealed class SqliteInstanceLockedException(string message, Exception inner) : Exception(message, inner);
