namespace CrmKit.Core.Templates;

/// <summary>A template to create or change.</summary>
public sealed class TemplateSaveRequest
{
    /// <summary>The name (lower snake case, dotted segments), for example <c>deal.offer</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The locale, for example <c>ru-RU</c> or <c>en</c>.</summary>
    public required string Locale { get; init; }

    /// <summary>The kind (<see cref="TemplateKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The Scriban source; it must parse.</summary>
    public required string Source { get; init; }

    /// <summary>A description for people, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The version the caller read (0: create only); null saves whatever is stored.</summary>
    public long? ExpectedVersion { get; init; }
}
