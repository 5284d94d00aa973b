namespace CrmKit.Core.Storage;

/// <summary>One stored template: a Scriban source under a name and a locale, with an optimistic-concurrency version.</summary>
public sealed class StoredTemplate
{
    /// <summary>The name (lower snake case, dotted segments), for example <c>deal.offer</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The locale, for example <c>ru-RU</c> or <c>en</c>.</summary>
    public required string Locale { get; init; }

    /// <summary>The kind: <c>email</c>, <c>message</c> or <c>document</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The Scriban source.</summary>
    public required string Source { get; init; }

    /// <summary>A description for people, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The version: 1 after the first write, one more after each later write.</summary>
    public long Version { get; init; }

    /// <summary>When the template was last written (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last wrote the template.</summary>
    public required string UpdatedBy { get; init; }
}
