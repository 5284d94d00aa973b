namespace CrmKit.Core.Security;

/// <summary>A new API key: its description and the key itself, which is shown this once and never again.</summary>
/// <param name="Info">The key's description.</param>
/// <param name="Key">The full key, <c>crmk_&lt;id&gt;_&lt;secret&gt;</c>.</param>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key);
