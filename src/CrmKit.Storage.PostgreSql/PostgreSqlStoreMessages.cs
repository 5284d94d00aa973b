using System.Globalization;

namespace CrmKit.Storage.PostgreSql;

/// <summary>The provider's exception messages, kept in one place.</summary>
internal static class PostgreSqlStoreMessages
{
    public const string ConnectionStringRequired = "PostgreSqlStoreOptions.ConnectionString must be set.";

    public const string CommandTimeoutInvalid =
        "PostgreSqlStoreOptions.CommandTimeout must be between zero (no limit) and 24 days.";

    public const string LockTimeoutInvalid = "PostgreSqlStoreOptions.LockTimeout must be between one millisecond and 24 days.";

    public const string IndexBuildPollIntervalInvalid = "PostgreSqlStoreOptions.IndexBuildPollInterval must be between one second and one day.";

    public const string ReadOnlySession = "This session was opened for reading; open a write session to change data.";

    public const string SessionCompleted = "The session has already been committed.";

    public const string TransactionAborted =
        "PostgreSQL aborted this session's transaction after an error; dispose the session and start a new one.";

    public static string InvalidIdentifier(string kind, string name) =>
        string.Format(CultureInfo.InvariantCulture, "'{0}' is not a valid {1} name; expected [a-z][a-z0-9_]*.", name, kind);

    public static string UnknownSystemField(string name) =>
        string.Format(CultureInfo.InvariantCulture, "'{0}' is not a system field.", name);

    public static string UnsupportedValue(Type type) =>
        string.Format(CultureInfo.InvariantCulture, "Values of type {0} cannot be used in a filter, sort position or parameter.", type);

    public static string InvalidValue(object value, string field) =>
        string.Format(CultureInfo.InvariantCulture, "The value '{0}' cannot be compared with the field '{1}'.", value, field);

    public static string UnsupportedFilter(Type type) =>
        string.Format(CultureInfo.InvariantCulture, "The filter node {0} is not supported by the PostgreSQL store.", type);

    public static string AfterLengthMismatch(int after, int sort) =>
        string.Format(CultureInfo.InvariantCulture, "StoreQuery.After has {0} values but Sort has {1} keys.", after, sort);

    public static string NewerSchema(int found, int supported) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "The database has migration {0} applied; this version of CrmKit.Storage.PostgreSql knows migrations up to {1}. Upgrade the package.",
            found,
            supported);
}
