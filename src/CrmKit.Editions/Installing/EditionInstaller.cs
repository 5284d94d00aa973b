using System.Text.Json.Nodes;
using CrmKit.Core.Editions;
using CrmKit.Core.Metadata;
using CrmKit.Core.Settings;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Core.Workflows;
using CrmKit.Editions.Planning;
using CrmKit.Editions.Reading;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Records;
using CrmKit.Sdk.Security;

namespace CrmKit.Editions.Installing;

/// <summary>
/// Applies the store part of an edition plan through the Core services — metadata, workflows, templates, seed
/// records, settings — then writes the installed-edition record. Runs inside the edition's
/// <see cref="AmbientStoreTransaction"/>, so every service joins one transaction; the first failure is thrown with the
/// file and path it concerns, and the caller rolls back.
/// </summary>
internal sealed class EditionInstaller(
    ICrmStore store,
    IMetadataService metadata,
    IWorkflowDefinitionService workflows,
    ITemplateService templates,
    IRecordService records,
    IModuleSettingsService settings,
    TimeProvider clock)
{
    public async Task ExecuteAsync(EditionPlanDetails details, CrmPrincipal principal, string sha512, CancellationToken cancellationToken)
    {
        var content = details.Content;
        await ApplyMetadataAsync(details.Metadata, principal, cancellationToken);

        foreach (var (workflow, expected) in details.Workflows)
        {
            await Step(workflow.File, "", () => workflows.SaveAsync((JsonObject)workflow.Document.DeepClone(), expected, principal, cancellationToken));
        }

        foreach (var (template, expected) in details.Templates)
        {
            await Step(template.File, "", () => templates.SaveAsync(principal, new TemplateSaveRequest
            {
                Name = template.Name,
                Locale = template.Locale,
                Kind = template.Kind,
                Source = template.Source,
                Description = template.Description,
                ExpectedVersion = expected,
            }, cancellationToken));
        }

        var seedIds = new Dictionary<string, Guid>(details.Installed?.Seed ?? [], StringComparer.Ordinal);
        foreach (var record in details.Seed)
        {
            var values = ResolveSeedReferences(record, seedIds);
            var created = await Step(record.File, record.Path, () => records.CreateAsync(principal, record.Entity, [values], cancellationToken));
            seedIds[record.Entity + "/" + record.Key] = created[0].Id;
        }

        foreach (var (module, toSet) in details.Settings)
        {
            await Step(EditionReader.ManifestFile, "/settings/" + EditionReader.Escape(module), async () =>
            {
                var current = await settings.GetAsync(module, cancellationToken);
                var merged = (JsonObject)current.Values.DeepClone();
                foreach (var (key, value) in toSet)
                {
                    merged[key] = value?.DeepClone();
                }

                return await settings.SaveAsync(module, merged, current.Version, principal, cancellationToken);
            });
        }

        var installed = new InstalledEditionRecord
        {
            Id = content.Id,
            Version = content.Version.ToNormalizedString(),
            Title = content.Title,
            Description = content.Description,
            CrmKit = content.CrmKitRange?.ToNormalizedString(),
            Plugins = content.Plugins.ToDictionary(p => p.Id, p => p.Range.ToNormalizedString(), StringComparer.Ordinal),
            Sha512 = sha512,
            InstalledAt = clock.GetUtcNow(),
            InstalledBy = principal.UserId,
            Fields = content.Entities.ToDictionary(
                e => e.Name,
                e => e.Fields.ToDictionary(f => f.Name, f => EditionHashes.Of(new JsonObject { ["schema"] = f.Schema.DeepClone(), ["required"] = f.Required }), StringComparer.Ordinal),
                StringComparer.Ordinal),
            Workflows = content.Workflows.ToDictionary(w => w.Name, w => EditionHashes.Of(w.Document), StringComparer.Ordinal),
            Templates = content.Templates.ToDictionary(t => t.Name + "@" + t.Locale, t => EditionHashes.Of(t.Source), StringComparer.Ordinal),
            Seed = seedIds,
            StoredVersion = details.Installed?.StoredVersion ?? 0,
        };
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        await InstalledEditionStore.WriteAsync(session, installed, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private async Task ApplyMetadataAsync(IReadOnlyList<MetadataStep> steps, CrmPrincipal principal, CancellationToken cancellationToken)
    {
        // New entities first, those another new entity looks up before it; then renames, additions, changes, archives.
        foreach (var create in OrderCreates(steps.OfType<MetadataStep.CreateEntity>().ToList()))
        {
            await Step(create.File, "", () => metadata.CreateEntityAsync(principal, (JsonObject)create.Document.DeepClone(), cancellationToken));
        }

        foreach (var rename in steps.OfType<MetadataStep.RenameField>())
        {
            await Step(EditionReader.ManifestFile, "/migrations", () => metadata.RenameFieldAsync(principal, rename.Entity, rename.From, rename.To, cancellationToken));
        }

        foreach (var add in steps.OfType<MetadataStep.AddField>())
        {
            await Step(add.File, "/properties/" + EditionReader.Escape(add.Field), () => metadata.AddFieldAsync(
                principal, add.Entity, add.Field, new FieldChangeRequest { Schema = (JsonObject)add.Schema.DeepClone(), Required = add.Required }, cancellationToken));
        }

        foreach (var change in steps.OfType<MetadataStep.ChangeField>())
        {
            await Step(change.File, "/properties/" + EditionReader.Escape(change.Field), () => metadata.UpdateFieldAsync(
                principal, change.Entity, change.Field, new FieldChangeRequest { Schema = (JsonObject)change.Schema.DeepClone(), Required = change.Required }, cancellationToken));
        }

        foreach (var archive in steps.OfType<MetadataStep.ArchiveField>())
        {
            await Step(EditionReader.ManifestFile, "/entities", () => metadata.RemoveFieldAsync(principal, archive.Entity, archive.Field, cancellationToken));
        }
    }

    private static List<MetadataStep.CreateEntity> OrderCreates(List<MetadataStep.CreateEntity> creates)
    {
        var ordered = new List<MetadataStep.CreateEntity>();
        var pending = creates.ToList();
        while (pending.Count > 0)
        {
            var names = pending.Select(p => p.Entity).ToHashSet(StringComparer.Ordinal);
            var ready = pending.FirstOrDefault(p => LookupTargets(p.Document).All(t => t == p.Entity || !names.Contains(t))) ?? pending[0];
            ordered.Add(ready);
            pending.Remove(ready);
        }

        return ordered;
    }

    private static IEnumerable<string> LookupTargets(JsonObject document) =>
        (document["properties"] as JsonObject ?? [])
            .Select(p => p.Value?["x-crm-lookup"]?["entity"]?.GetValue<string>())
            .OfType<string>();

    /// <summary>Replaces <c>{"$seed": "key"}</c> or <c>{"$seed": "entity/key"}</c> values with the id of that seed record.</summary>
    private static JsonObject ResolveSeedReferences(EditionSeedRecord record, Dictionary<string, Guid> ids)
    {
        var values = (JsonObject)record.Values.DeepClone();
        foreach (var (name, value) in values.ToList())
        {
            if (value is JsonObject { Count: 1 } reference && reference["$seed"] is JsonValue target && target.TryGetValue<string>(out var key))
            {
                var full = key.Contains('/', StringComparison.Ordinal) ? key : record.Entity + "/" + key;
                if (!ids.TryGetValue(full, out var id))
                {
                    throw new EditionException([new EditionProblem(EditionErrorCodes.InvalidContent,
                        $"The seed record '{record.Key}' refers to the seed record '{full}', which is not defined before it.", record.File, record.Path + "/values/" + EditionReader.Escape(name))]);
                }

                values[name] = id.ToString("D");
            }
        }

        return values;
    }

    private static async Task<T> Step<T>(string file, string path, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (CrmException e)
        {
            var error = e.Errors.Count > 0 ? e.Errors[0] : null;
            var pointer = path + (error?.Pointer is { Length: > 0 } p && !p.StartsWith(path, StringComparison.Ordinal) ? p : "");
            var detail = error is null ? e.Message : error.Message.ToString();
            throw new EditionException([new EditionProblem(EditionErrorCodes.ApplyFailed, $"Applying '{file}' failed: {detail} ({e.Code}).", file, pointer)], e);
        }
    }
}
