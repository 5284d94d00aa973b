using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.Core.Metadata;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Core.Settings;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows;
using CrmKit.Editions.Installing;
using CrmKit.Editions.Reading;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Metadata;
using NuGet.Versioning;

namespace CrmKit.Editions.Planning;

/// <summary>
/// Computes what installing or upgrading an edition changes against the current state, changing nothing. Run once
/// for the dry-run plan, and again inside the apply after the plugins are in place (their entities and field types
/// then exist), so what is applied is always planned against the state it applies to.
/// </summary>
internal sealed class EditionPlanner(
    IMetadataService metadata,
    IWorkflowDefinitionService workflows,
    ITemplateService templates,
    IModuleSettingsService settings)
{
    public async Task<EditionPlanDetails> PlanAsync(
        EditionContent content, InstalledEditionRecord? installed, EditionOperation operation, NuGetVersion coreVersion,
        PluginPackagePlan? pluginPlan, bool pluginsLoaded, string? source, CancellationToken cancellationToken)
    {
        var problems = new List<EditionProblem>();
        var upToDate = CheckOperation(content, installed, operation, problems);
        if (content.CrmKitRange is { } range && !range.Satisfies(coreVersion))
        {
            problems.Add(new EditionProblem(EditionErrorCodes.CoreIncompatible,
                $"Edition {content.Id} {content.Version} supports CrmKit {range.ToNormalizedString()}; this server runs {coreVersion}.",
                EditionReader.ManifestFile, "/crmkit"));
        }

        foreach (var problem in pluginPlan?.Problems ?? [])
        {
            problems.Add(new EditionProblem(EditionErrorCodes.PluginUnavailable, $"{problem.Message} ({problem.Code})",
                EditionReader.ManifestFile, problem.PackageId is null ? "/plugins" : "/plugins/" + EditionReader.Escape(problem.PackageId)));
        }

        if (upToDate || problems.Count > 0)
        {
            return new EditionPlanDetails
            {
                Content = content,
                Installed = installed,
                PluginPlan = pluginPlan,
                Plan = PublicPlan(content, installed, source, upToDate, pluginPlan, [], [], [], [], [], problems),
            };
        }

        var steps = PlanMetadata(content, installed, pluginsLoaded, problems, out var entityChanges);
        var (workflowSteps, workflowChanges) = await PlanWorkflowsAsync(content, installed, cancellationToken);
        var (templateSteps, templateChanges) = await PlanTemplatesAsync(content, installed, cancellationToken);
        var seed = new List<EditionSeedRecord>();
        var seedChanges = new List<EditionItemChange>();
        foreach (var record in content.Seed)
        {
            var known = installed?.Seed.ContainsKey(record.Entity + "/" + record.Key) == true;
            seedChanges.Add(new EditionItemChange(record.Entity + "/" + record.Key, known ? "keep" : "create"));
            if (!known)
            {
                seed.Add(record);
            }
        }

        var (settingSteps, settingChanges) = await PlanSettingsAsync(content, cancellationToken);
        return new EditionPlanDetails
        {
            Content = content,
            Installed = installed,
            PluginPlan = pluginPlan,
            Metadata = steps,
            Workflows = workflowSteps,
            Templates = templateSteps,
            Seed = seed,
            Settings = settingSteps,
            Plan = PublicPlan(content, installed, source, false, pluginPlan, entityChanges, workflowChanges, templateChanges, seedChanges, settingChanges, problems),
        };
    }

    private static bool CheckOperation(EditionContent content, InstalledEditionRecord? installed, EditionOperation operation, List<EditionProblem> problems)
    {
        if (installed is null)
        {
            if (operation == EditionOperation.Upgrade)
            {
                problems.Add(new EditionProblem(EditionErrorCodes.WrongOperation, $"Edition {content.Id} is not installed; install it first."));
            }

            return false;
        }

        var current = NuGetVersion.Parse(installed.Version);
        if (current == content.Version)
        {
            return true;
        }

        if (operation == EditionOperation.Install)
        {
            problems.Add(new EditionProblem(EditionErrorCodes.WrongOperation,
                $"Edition {content.Id} {installed.Version} is installed; use upgrade to go to {content.Version}."));
        }
        else if (content.Version < current)
        {
            problems.Add(new EditionProblem(EditionErrorCodes.Downgrade,
                $"Edition {content.Id} {installed.Version} is installed; {content.Version} is older and editions are not downgraded."));
        }

        return false;
    }

    private List<MetadataStep> PlanMetadata(
        EditionContent content, InstalledEditionRecord? installed, bool pluginsLoaded, List<EditionProblem> problems,
        out List<EditionEntityChange> changes)
    {
        var steps = new List<MetadataStep>();
        changes = [];
        var existing = metadata.GetEntities().ToDictionary(e => e.Name, StringComparer.Ordinal);
        var renames = ApplicableRenames(content, installed);
        foreach (var entity in content.Entities)
        {
            try
            {
                metadata.CheckEntityDocument(entity.Document, allowUnknownFieldTypes: !pluginsLoaded);
            }
            catch (CrmException e)
            {
                var error = e.Errors.Count > 0 ? e.Errors[0] : null;
                var pointer = error?.Pointer ?? "";
                var message = error?.Message.ToString() ?? e.Message;
                problems.Add(new EditionProblem(EditionErrorCodes.InvalidSchema, $"'{entity.File}' is not a valid entity document: {message} ({e.Code})", entity.File, pointer));
                continue;
            }

            if (!existing.TryGetValue(entity.Name, out var current))
            {
                steps.Add(new MetadataStep.CreateEntity(entity.Name, entity.Document, entity.File));
                changes.Add(new EditionEntityChange(entity.Name, "create", entity.Fields.Select(f => new EditionFieldChange(f.Name, "add")).ToList()));
                continue;
            }

            var fieldChanges = new List<EditionFieldChange>();
            var declaredBefore = installed?.Fields.GetValueOrDefault(entity.Name) ?? [];
            var renamedTo = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rename in renames.Where(r => r.Entity == entity.Name))
            {
                if (current.FindField(rename.From) is null)
                {
                    if (current.FindField(rename.To) is null)
                    {
                        problems.Add(new EditionProblem(EditionErrorCodes.MetadataConflict,
                            $"The migration renames {entity.Name}.{rename.From} to {rename.To}, but the entity has neither field.", EditionReader.ManifestFile, "/migrations"));
                    }

                    continue;
                }

                if (current.FindField(rename.To) is not null)
                {
                    problems.Add(new EditionProblem(EditionErrorCodes.MetadataConflict,
                        $"The migration renames {entity.Name}.{rename.From} to {rename.To}, but the entity already has a field {rename.To}.", EditionReader.ManifestFile, "/migrations"));
                    continue;
                }

                steps.Add(new MetadataStep.RenameField(entity.Name, rename.From, rename.To));
                fieldChanges.Add(new EditionFieldChange(rename.To, "rename", rename.From));
                renamedTo.Add(rename.To);
            }

            foreach (var (name, schema, required) in entity.Fields)
            {
                var hash = EditionHashes.Of(new JsonObject { ["schema"] = schema.DeepClone(), ["required"] = required });
                var renamedFrom = renames.FirstOrDefault(r => r.Entity == entity.Name && r.To == name)?.From;
                var previous = declaredBefore.GetValueOrDefault(name) ?? (renamedFrom is null ? null : declaredBefore.GetValueOrDefault(renamedFrom));
                var field = current.FindField(name);
                if (field is null && !renamedTo.Contains(name))
                {
                    steps.Add(new MetadataStep.AddField(entity.Name, name, schema, required, entity.File));
                    fieldChanges.Add(new EditionFieldChange(name, "add"));
                }
                else if (previous != hash)
                {
                    if (field is { Owner: not null } || field is { IsSystem: true })
                    {
                        problems.Add(new EditionProblem(EditionErrorCodes.MetadataConflict,
                            $"The edition defines {entity.Name}.{name}, which {(field.IsSystem ? "is a system field" : "belongs to " + field.Owner)}.",
                            entity.File, "/properties/" + EditionReader.Escape(name)));
                        continue;
                    }

                    steps.Add(new MetadataStep.ChangeField(entity.Name, name, schema, required, entity.File));
                    fieldChanges.Add(new EditionFieldChange(name, "change"));
                }
            }

            var declaredNow = entity.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var old in declaredBefore.Keys.Where(f => !declaredNow.Contains(f)))
            {
                if (renames.Any(r => r.Entity == entity.Name && r.From == old) || current.FindField(old) is null)
                {
                    continue;
                }

                steps.Add(new MetadataStep.ArchiveField(entity.Name, old));
                fieldChanges.Add(new EditionFieldChange(old, "archive"));
            }

            changes.Add(new EditionEntityChange(entity.Name, fieldChanges.Count == 0 ? "keep" : "update", fieldChanges));
        }

        return steps;
    }

    /// <summary>The renames of migrations after the installed version up to the edition's version, oldest first.</summary>
    private static List<EditionRename> ApplicableRenames(EditionContent content, InstalledEditionRecord? installed)
    {
        if (installed is null)
        {
            return [];
        }

        var from = NuGetVersion.Parse(installed.Version);
        return content.Migrations
            .Where(m => m.Version > from && m.Version <= content.Version)
            .OrderBy(m => m.Version)
            .SelectMany(m => m.Renames)
            .ToList();
    }

    private async Task<(List<(EditionWorkflow, long)>, List<EditionItemChange>)> PlanWorkflowsAsync(
        EditionContent content, InstalledEditionRecord? installed, CancellationToken cancellationToken)
    {
        var current = (await workflows.ListAsync(includeDeleted: true, cancellationToken: cancellationToken)).ToDictionary(w => w.Name, StringComparer.Ordinal);
        var steps = new List<(EditionWorkflow, long)>();
        var changes = new List<EditionItemChange>();
        foreach (var workflow in content.Workflows)
        {
            var hash = EditionHashes.Of(workflow.Document);
            current.TryGetValue(workflow.Name, out var stored);
            if (stored is { Deleted: false } && installed?.Workflows.GetValueOrDefault(workflow.Name) == hash)
            {
                changes.Add(new EditionItemChange(workflow.Name, "keep"));
                continue;
            }

            steps.Add((workflow, stored?.Version ?? 0));
            changes.Add(new EditionItemChange(workflow.Name, stored is null || stored.Deleted ? "add" : "replace"));
        }

        return (steps, changes);
    }

    private async Task<(List<(EditionTemplate, long)>, List<EditionItemChange>)> PlanTemplatesAsync(
        EditionContent content, InstalledEditionRecord? installed, CancellationToken cancellationToken)
    {
        var current = (await templates.ListAsync(cancellationToken)).ToDictionary(t => t.Name + "@" + t.Locale, StringComparer.Ordinal);
        var steps = new List<(EditionTemplate, long)>();
        var changes = new List<EditionItemChange>();
        foreach (var template in content.Templates)
        {
            var key = template.Name + "@" + template.Locale;
            current.TryGetValue(key, out var stored);
            if (stored is not null && installed?.Templates.GetValueOrDefault(key) == EditionHashes.Of(template.Source))
            {
                changes.Add(new EditionItemChange(key, "keep"));
                continue;
            }

            steps.Add((template, stored?.Version ?? 0));
            changes.Add(new EditionItemChange(key, stored is null ? "add" : "replace"));
        }

        return (steps, changes);
    }

    /// <summary>Default settings fill what is not set yet; a value an administrator set is kept.</summary>
    private async Task<(List<(string, JsonObject)>, List<EditionItemChange>)> PlanSettingsAsync(EditionContent content, CancellationToken cancellationToken)
    {
        var steps = new List<(string, JsonObject)>();
        var changes = new List<EditionItemChange>();
        foreach (var (module, values) in content.Settings)
        {
            var stored = settings.HasSchema(module) ? (await settings.GetAsync(module, cancellationToken)).Values : [];
            var toSet = new JsonObject();
            foreach (var (key, value) in values)
            {
                var set = stored.ContainsKey(key) && stored[key] is not null;
                changes.Add(new EditionItemChange(module + "/" + key, set ? "keep" : "set"));
                if (!set)
                {
                    toSet[key] = value?.DeepClone();
                }
            }

            if (toSet.Count > 0)
            {
                steps.Add((module, toSet));
            }
        }

        return (steps, changes);
    }

    private static EditionPlan PublicPlan(
        EditionContent content, InstalledEditionRecord? installed, string? source, bool upToDate, PluginPackagePlan? pluginPlan,
        List<EditionEntityChange> entities, List<EditionItemChange> workflowChanges, List<EditionItemChange> templateChanges,
        List<EditionItemChange> seed, List<EditionItemChange> settingChanges, List<EditionProblem> problems) => new()
        {
            Id = content.Id,
            Title = content.Title,
            FromVersion = installed?.Version,
            ToVersion = content.Version.ToNormalizedString(),
            Source = source,
            UpToDate = upToDate,
            Plugins = pluginPlan?.Steps ?? [],
            Entities = entities,
            Workflows = workflowChanges,
            Templates = templateChanges,
            Seed = seed,
            Settings = settingChanges,
            Problems = problems,
        };
}
