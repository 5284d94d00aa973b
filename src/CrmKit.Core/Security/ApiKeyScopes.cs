namespace CrmKit.Core.Security;

/// <summary>
/// The scopes of an API key. They narrow what the key's account may do; they never widen it. The REST API checks them
/// per request: <see cref="Read"/> for GET, <see cref="Write"/> for changes of records, <see cref="Admin"/> for every
/// other change (metadata, users, roles, plugins, workflows, templates, outbox).
/// </summary>
public static class ApiKeyScopes
{
    /// <summary>Read anything the account may read.</summary>
    public const string Read = "read";

    /// <summary>Create, change, delete and restore records, send them messages, start workflows.</summary>
    public const string Write = "write";

    /// <summary>Administrative changes.</summary>
    public const string Admin = "admin";

    /// <summary>Everything the account may do.</summary>
    public const string All = "*";

    /// <summary>The valid scope names.</summary>
    public static IReadOnlyList<string> Known { get; } = [Read, Write, Admin, All];

    /// <summary>Whether the key's scopes include <paramref name="needed"/>.</summary>
    /// <param name="scopes">The key's scopes.</param>
    /// <param name="needed">The scope a request needs.</param>
    /// <returns>True when granted.</returns>
    public static bool Allows(IReadOnlyList<string> scopes, string needed) =>
        scopes.Contains(All, StringComparer.Ordinal) || scopes.Contains(needed, StringComparer.Ordinal);
}
