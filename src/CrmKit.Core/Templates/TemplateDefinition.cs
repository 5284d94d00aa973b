namespace CrmKit.Core.Templates;

/// <summary>A stored template as the service returns it.</summary>
public sealed class TemplateDefinition
{
    /// <summary>The name (lower snake case, dotted segments), for example <c>deal.offer</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The locale, for example <c>ru-RU</c> or <c>en</c>.</summary>
    public required string Locale { get; init; }

    /// <summary>The kind (<see cref="TemplateKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The Scriban source.</summary>
    public required string Source { get; init; }

    /// <summary>A description for people, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The version (1 after the first save).</summary>
    public required long Version { get; init; }

    /// <summary>When the template was last saved (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who last saved the template.</summary>
    public required string UpdatedBy { get; init; }
}
