using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Editions.Installing;
using CrmKit.Editions.Reading;

namespace CrmKit.Editions.Planning;

/// <summary>A plan with everything needed to apply it.</summary>
internal sealed class EditionPlanDetails
{
    public required EditionPlan Plan { get; init; }

    public required EditionContent Content { get; init; }

    public InstalledEditionRecord? Installed { get; init; }

    public PluginPackagePlan? PluginPlan { get; init; }

    public IReadOnlyList<MetadataStep> Metadata { get; init; } = [];

    /// <summary>Workflows to save, with the current version to expect (0: new).</summary>
    public IReadOnlyList<(EditionWorkflow Workflow, long ExpectedVersion)> Workflows { get; init; } = [];

    /// <summary>Templates to save, with the current version to expect (0: new).</summary>
    public IReadOnlyList<(EditionTemplate Template, long ExpectedVersion)> Templates { get; init; } = [];

    public IReadOnlyList<EditionSeedRecord> Seed { get; init; } = [];

    /// <summary>Per module, the settings to add to what is stored.</summary>
    public IReadOnlyList<(string Module, JsonObject Values)> Settings { get; init; } = [];
}
