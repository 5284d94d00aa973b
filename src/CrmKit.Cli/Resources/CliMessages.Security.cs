namespace CrmKit.Cli.Resources;

// The messages of the security commands (whoami, user, team, role, apikey, record history and export).
internal static partial class CliMessages
{
    public static string HeaderEmail => Get(nameof(HeaderEmail));

    public static string HeaderExternalId => Get(nameof(HeaderExternalId));

    public static string HeaderRoles => Get(nameof(HeaderRoles));

    public static string HeaderTeams => Get(nameof(HeaderTeams));

    public static string HeaderActive => Get(nameof(HeaderActive));

    public static string HeaderMembers => Get(nameof(HeaderMembers));

    public static string HeaderPrivileges => Get(nameof(HeaderPrivileges));

    public static string HeaderChannel => Get(nameof(HeaderChannel));

    public static string HeaderUnrestricted => Get(nameof(HeaderUnrestricted));

    public static string HeaderBuiltIn => Get(nameof(HeaderBuiltIn));

    public static string HeaderCreate => Get(nameof(HeaderCreate));

    public static string HeaderRead => Get(nameof(HeaderRead));

    public static string HeaderUpdate => Get(nameof(HeaderUpdate));

    public static string HeaderDelete => Get(nameof(HeaderDelete));

    public static string HeaderExport => Get(nameof(HeaderExport));

    public static string HeaderHiddenFields => Get(nameof(HeaderHiddenFields));

    public static string HeaderReadOnlyFields => Get(nameof(HeaderReadOnlyFields));

    public static string HeaderUser => Get(nameof(HeaderUser));

    public static string HeaderScopes => Get(nameof(HeaderScopes));

    public static string HeaderCreatedAt => Get(nameof(HeaderCreatedAt));

    public static string HeaderCreatedBy => Get(nameof(HeaderCreatedBy));

    public static string HeaderExpiresAt => Get(nameof(HeaderExpiresAt));

    public static string HeaderRevokedAt => Get(nameof(HeaderRevokedAt));

    public static string HeaderLastUsedAt => Get(nameof(HeaderLastUsedAt));

    public static string HeaderSequence => Get(nameof(HeaderSequence));

    public static string HeaderAt => Get(nameof(HeaderAt));

    public static string HeaderOperation => Get(nameof(HeaderOperation));

    public static string ApiKeyActive => Get(nameof(ApiKeyActive));

    public static string ApiKeyRevokedState => Get(nameof(ApiKeyRevokedState));

    public static string ApiKeyExpired => Get(nameof(ApiKeyExpired));

    public static string Never => Get(nameof(Never));

    public static string ChangeHidden => Get(nameof(ChangeHidden));

    public static string NothingToUpdate(string options) => Format(nameof(NothingToUpdate), options);

    public static string ReasonIsFolder => Get(nameof(ReasonIsFolder));

    public static string CannotWriteFile(string option, string path, string reason) => Format(nameof(CannotWriteFile), option, path, reason);

    public static string UserActivated(string id) => Format(nameof(UserActivated), id);

    public static string UserDeactivated(string id) => Format(nameof(UserDeactivated), id);

    public static string TeamDeleted(string id) => Format(nameof(TeamDeleted), id);

    public static string RoleCreated(string name, string version) => Format(nameof(RoleCreated), name, version);

    public static string RoleReplaced(string name, string version) => Format(nameof(RoleReplaced), name, version);

    public static string RoleDeleted(string name) => Format(nameof(RoleDeleted), name);

    public static string ApiKeyCreated(string id, string name, string user, string scopes, string expires) => Format(nameof(ApiKeyCreated), id, name, user, scopes, expires);

    public static string ApiKeyShownOnce => Get(nameof(ApiKeyShownOnce));

    public static string ApiKeyRevoked(string id, string name, string user) => Format(nameof(ApiKeyRevoked), id, name, user);

    public static string ApiKeyUserAndAll => Get(nameof(ApiKeyUserAndAll));

    public static string HistoryMoreWithBefore(string sequence) => Format(nameof(HistoryMoreWithBefore), sequence);

    public static string RecordsExported(long count, string entity, string path) => Format(nameof(RecordsExported), count, entity, path);
}
