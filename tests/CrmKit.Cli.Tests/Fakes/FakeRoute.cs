namespace CrmKit.Cli.Tests.Fakes;

/// <summary>One canned answer of <see cref="FakeCrmServer"/>: which requests it answers and with what.</summary>
public sealed class FakeRoute
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    /// <summary>Narrows the route further (for example to one <c>after</c> cursor); null matches every request.</summary>
    public Func<RecordedRequest, bool>? When { get; init; }

    public int Status { get; init; } = 200;

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Breaks the connection after sending the body, as a server that fails while streaming an answer does.</summary>
    public bool AbortAfterBody { get; init; }

    public bool Matches(RecordedRequest request) =>
        string.Equals(Method, request.Method, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Path, request.Path, StringComparison.Ordinal)
        && (When is null || When(request));
}
