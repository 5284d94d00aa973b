using System.Text.Json.Nodes;

namespace CrmKit.Cli.Tests.Fakes;

/// <summary>A request the fake server received, as the CLI sent it.</summary>
public sealed class RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>The path as sent, still escaped (for example <c>/api/records/contact/a%2Fb</c>).</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string including the leading <c>?</c>, or empty.</summary>
    public required string QueryString { get; init; }

    /// <summary>The decoded query parameters.</summary>
    public required IReadOnlyDictionary<string, string> Query { get; init; }

    /// <summary>The request headers (names case-insensitive), multiple values joined with ", ".</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    public string? ContentType { get; init; }

    public JsonNode? BodyJson => Body.Length == 0 ? null : JsonNode.Parse(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public override string ToString() => $"{Method} {Path}{QueryString}";
}
