namespace CrmKit.Core.Security;

/// <summary>
/// Options of CrmKit's security layer, bound by hosts from the <c>CrmKit:Security</c> configuration section
/// (docs/security.md).
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section hosts bind these options from.</summary>
    public const string SectionName = "CrmKit:Security";

    /// <summary>The id of the administrator account the first start creates when the directory has no account (default <c>admin</c>).</summary>
    public string BootstrapAdministrator { get; set; } = "admin";

    /// <summary>
    /// The administrator's first API key, <c>crmk_&lt;id&gt;_&lt;secret&gt;</c> (an id of 8 to 32 lower-case letters and
    /// digits, a secret of at least 32 URL-safe characters). When empty, the first start makes one and prints it once
    /// to the console (never to the logs).
    /// </summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>
    /// The folder of the ASP.NET Data Protection key ring that encrypts secrets at rest (plugin settings marked secret).
    /// Empty: Data Protection's default folder for the user running the host. Keep it, and back it up: secrets
    /// encrypted with a lost key ring cannot be read again.
    /// </summary>
    public string? KeyRingDirectory { get; set; }

    /// <summary>How often a node checks whether accounts, teams or roles changed on another node (default 5 seconds).</summary>
    public TimeSpan DirectoryRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a node trusts an API key it checked (default 30 seconds). A key revoked on this node stops working at
    /// once; on other nodes sharing the database within this time.
    /// </summary>
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the "last used" time of an API key is written at most (default 10 minutes).</summary>
    public TimeSpan ApiKeyLastUsedInterval { get; set; } = TimeSpan.FromMinutes(10);
}
