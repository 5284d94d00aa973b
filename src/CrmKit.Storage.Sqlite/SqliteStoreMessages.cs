using System.Globalization;

namespace CrmKit.Storage.Sqlite;

/// <summary>The provider's exception messages, kept in one place.</summary>
internal static class SqliteStoreMessages
{
    public const string ConnectionStringRequired = "SqliteStoreOptions.ConnectionString must be set.";

    public const string BusyTimeoutInvalid = "SqliteStoreOptions.BusyTimeout must be between zero and 24 days.";

    public const string WalAutoCheckpointInvalid = "SqliteStoreOptions.WalAutoCheckpointPages must not be negative (0 turns automatic checkpoints off).";

    public const string ReadOnlySession = "This session was opened for reading; open a write session to change data.";

    public const string SessionCompleted = "The session has already been committed.";

    public const string TransactionAborted =
        "SQLite rolled this session's transaction back after an error; dispose the session and start a new one.";

    public static string InvalidIdentifier(string kind, string name) =>
        string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid {1} name; expected [a-z][a-z0-9_]*.", name, kind);

    public static string UnknownSystemField(string name) =>
        string.Format(CultureInfo.InvariantCulture, "'{0}' is not a system field.", name);

    public static string UnsupportedValue(Type type) =>
        string.Format(CultureInfo.InvariantCulture, "Values of type {0} cannot be used in a filter, sort position or parameter.", type);

    public static string UnsupportedFilter(Type type) =>
        string.Format(CultureInfo.InvariantCulture, "The filter node {0} is not supported by the SQLite store.", type);

    public static string AfterLengthMismatch(int after, int sort) =>
        string.Format(CultureInfo.InvariantCulture, "StoreQuery.After has {0} values but Sort has {1} keys.", after, sort);

    public static string NewerStorageFormat(string found, int supported) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "The database uses storage format {0}; this version of CrmKit.Storage.Sqlite supports up to {1}. Upgrade the package.",
            found,
            supported);
}
