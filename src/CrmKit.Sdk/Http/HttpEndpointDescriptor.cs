using System.Text.RegularExpressions;
using CrmKit.Sdk.Localization;

namespace CrmKit.Sdk.Http;

/// <summary>What an <see cref="IHttpEndpoint"/> is called and how the host treats its calls.</summary>
public sealed partial class HttpEndpointDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    /// <param name="name">
    /// The address segment after <c>/api/ext/</c>: lower case letters, digits, <c>.</c>, <c>-</c> and <c>_</c>, starting
    /// with a letter, at most 100 characters, for example <c>onec-exchange</c>. Name it after your plugin so it cannot
    /// clash.
    /// </param>
    /// <param name="displayName">The localized name shown to administrators.</param>
    /// <exception cref="ArgumentException">The name is not a valid address segment.</exception>
    public HttpEndpointDescriptor(string name, LocalizedText displayName)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(displayName);
        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid endpoint name: lower case letters, digits, '.', '-' and '_', starting with a letter.", nameof(name));
        }

        Name = name;
        DisplayName = displayName;
    }

    /// <summary>The address segment after <c>/api/ext/</c>.</summary>
    public string Name { get; }

    /// <summary>The localized name shown to administrators.</summary>
    public LocalizedText DisplayName { get; }

    /// <summary>
    /// Whether calls without CrmKit credentials reach the endpoint. Such an endpoint must authenticate its callers
    /// itself (a secret from its settings compared in constant time, a signature) and act as a service account, never
    /// as <c>CrmPrincipal.System</c>. Default: false — the host authenticates the caller and refuses anonymous calls
    /// with <c>401 auth.required</c>, and <see cref="HttpEndpointContext.Principal"/> is the caller.
    /// </summary>
    public bool AllowAnonymous { get; init; }

    /// <summary>
    /// The largest request body the host lets through, in bytes; larger ones are refused with
    /// <c>413 request.too_large</c> before the endpoint runs. Null: the host's own limit
    /// (<c>CrmKit:Api:MaxRequestBodyBytes</c>).
    /// </summary>
    public long? MaxRequestBodyBytes { get; init; }

    /// <inheritdoc />
    public override string ToString() => Name;

    [GeneratedRegex("^[a-z][a-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
