using System.Text.Json.Nodes;
using CrmKit.Core.Modules;
using CrmKit.Core.Resources;
using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Metadata;
using CrmKit.Sdk.Security;

namespace CrmKit.Core.Metadata;

internal sealed partial class MetadataService
{
    /// <summary>Loads the stored metadata into the registry (start-up).</summary>
    internal async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        foreach (var stored in await session.LoadSchemasAsync(cancellationToken))
        {
            registry.Set(compiler.Compile((JsonObject)JsonNode.Parse(stored.Schema)!, stored.Version, stored: true));
        }
    }

    /// <summary>
    /// Applies what modules registered: creates their missing entities (in one transaction) and adds the fields they
    /// own that the stored metadata lacks. A field another owner already has is a start-up error naming both.
    /// </summary>
    internal Task ApplyModulesAsync(ModuleRegistrations modules, CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            var principal = CrmPrincipal.System;
            foreach (var entity in modules.Entities)
            {
                if (registry.TryGet(entity.Entity, out var existing) && existing.Definition.Owner != entity.ModuleId)
                {
                    throw CoreMessages.Exception(CrmErrorKind.Conflict, "plugin.conflict", entity.ModuleId,
                        ExtensionKinds.Qualify(ExtensionKinds.Entity, entity.Entity), existing.Definition.Owner ?? "the user");
                }
            }

            var missing = modules.Entities.Where(e => !registry.Contains(e.Entity)).Select(e => (e.Document, (string?)e.ModuleId)).ToList();
            if (missing.Count > 0)
            {
                await CreateEntitiesAsync(principal, missing, cancellationToken);
            }

            var fields = modules.Entities
                .SelectMany(e => ((JsonObject)e.Document["properties"]!).Select(p => new ModuleRegistrations.FieldExtension(
                    e.ModuleId, e.Entity, p.Key, (JsonObject)p.Value!, RequiredIn(e.Document, p.Key))))
                .Concat(modules.Extensions);
            foreach (var extension in fields)
            {
                await EnsureModuleFieldAsync(principal, extension, cancellationToken);
            }

            return true;
        }, cancellationToken);

    private async Task EnsureModuleFieldAsync(
        CrmPrincipal principal, ModuleRegistrations.FieldExtension extension, CancellationToken cancellationToken)
    {
        var current = registry.TryGet(extension.Entity, out var found) ? found
            : throw CoreMessages.Exception(CrmErrorKind.Conflict, "plugin.extends_missing_entity", extension.ModuleId, extension.Entity);
        var existing = current.Definition.FindField(extension.Field);
        if (existing is not null)
        {
            var owner = existing.Owner ?? current.Definition.Owner;
            if (owner != extension.ModuleId && existing.Owner != extension.ModuleId)
            {
                throw CoreMessages.Exception(CrmErrorKind.Conflict, "plugin.field_conflict", extension.ModuleId,
                    extension.Entity + "." + extension.Field, existing.Owner ?? "the user");
            }

            return;
        }

        var property = compiler.Normalizer.NormalizeField(extension.Field, extension.Schema, extension.ModuleId);
        var next = Recompile(current, extension.Field, property, extension.Required);
        var request = new FieldChangeRequest { Schema = property, Required = extension.Required, Force = true };
        var diff = new JsonObject { ["op"] = "add", ["field"] = extension.Field, ["after"] = property.DeepClone(), ["module"] = extension.ModuleId };
        await ApplyFieldChangeAsync(principal, current, next, extension.Field, request, diff, cancellationToken);
    }

    /// <summary>
    /// Recompiles the entities with a field of one of <paramref name="typeNames"/>, after those types came or went with
    /// a module: fields of a type no longer registered compile as unavailable (readable, not writable).
    /// </summary>
    internal Task RecompileForTypesAsync(IReadOnlyCollection<string> typeNames, CancellationToken cancellationToken) =>
        GatedAsync(() =>
        {
            foreach (var entity in registry.All.ToList())
            {
                if (entity.Definition.Fields.Any(f => !f.IsSystem && typeNames.Contains(f.Type)))
                {
                    registry.Set(compiler.Compile(entity.Definition.GetSchema(), entity.Version, stored: true));
                }
            }

            return Task.FromResult(true);
        }, cancellationToken);

    private static bool RequiredIn(JsonObject document, string field) =>
        document["required"] is JsonArray required && required.Any(r => r?.GetValue<string>() == field);
}
