using System.Text.Json.Nodes;
using NuGet.Versioning;

namespace CrmKit.Editions.Reading;

/// <summary>An edition read and checked: edition.json and the files it names.</summary>
internal sealed class EditionContent
{
    public required string Id { get; init; }

    public required NuGetVersion Version { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public string Authors { get; init; } = "";

    /// <summary>The CrmKit versions the edition supports; null when it states none.</summary>
    public VersionRange? CrmKitRange { get; init; }

    /// <summary>Plugin id to version range, in manifest order.</summary>
    public required IReadOnlyList<(string Id, VersionRange Range)> Plugins { get; init; }

    public required IReadOnlyList<EditionEntity> Entities { get; init; }

    public required IReadOnlyList<EditionWorkflow> Workflows { get; init; }

    public required IReadOnlyList<EditionTemplate> Templates { get; init; }

    public required IReadOnlyList<EditionSeedRecord> Seed { get; init; }

    /// <summary>Module id to default settings.</summary>
    public required IReadOnlyList<(string Module, JsonObject Values)> Settings { get; init; }

    public required IReadOnlyList<EditionMigration> Migrations { get; init; }

    /// <summary>The raw edition.json and every file it names, for packing.</summary>
    public required IReadOnlyList<string> Files { get; init; }
}

/// <summary>An entity document (localization applied) and the file it came from.</summary>
internal sealed record EditionEntity(string Name, string File, JsonObject Document)
{
    /// <summary>The document's fields (property name to definition), in document order.</summary>
    public IReadOnlyList<(string Name, JsonObject Schema, bool Required)> Fields =>
        (Document["properties"] as JsonObject ?? [])
            .Select(p => (p.Key, (JsonObject)p.Value!, (Document["required"] as JsonArray)?.Any(r => r?.GetValue<string>() == p.Key) == true))
            .ToList();
}

/// <summary>A workflow document.</summary>
internal sealed record EditionWorkflow(string Name, string File, JsonObject Document);

/// <summary>A template in one locale.</summary>
internal sealed record EditionTemplate(string Name, string Locale, string Kind, string Source, string? Description, string File);

/// <summary>A seed record with its stable key.</summary>
internal sealed record EditionSeedRecord(string Entity, string Key, JsonObject Values, string File, string Path);

/// <summary>The field renames that upgrading to <see cref="Version"/> (from an older version) applies.</summary>
internal sealed record EditionMigration(NuGetVersion Version, IReadOnlyList<EditionRename> Renames);

/// <summary>One field rename.</summary>
internal sealed record EditionRename(string Entity, string From, string To);
