namespace CrmKit.Cli.Api;

/// <summary>Where and how <see cref="CrmApiClient"/> talks to the server.</summary>
internal sealed class CrmApiClientOptions
{
    public required Uri Server { get; init; }

    /// <summary>Sent as <c>Accept-Language</c> (en, ru); null sends none and the server answers in English.</summary>
    public string? Language { get; init; }

    /// <summary>Sent as <c>Authorization: ApiKey &lt;key&gt;</c>; null sends no credentials.</summary>
    public string? ApiKey { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(100);
}
