namespace CrmKit.AspNetCore.Security;

/// <summary>Endpoint metadata: the API key scope a change through this endpoint needs (changes default to <c>admin</c>).</summary>
/// <param name="Scope">The scope (<see cref="Core.Security.ApiKeyScopes"/>).</param>
internal sealed record RequiredApiKeyScope(string Scope);
