using System.Text.Json.Nodes;
using CrmKit.Core.Modules;
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
            registry.Set(compiler.Compile((JsonObject)JsonNode.Parse(stored.Schema)!, stored.Version));
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
            : throw new InvalidOperationException(
                $"Module '{extension.ModuleId}' extends entity '{extension.Entity}', which no module or user defined.");
        var existing = current.Definition.FindField(extension.Field);
        if (existing is not null)
        {
            var owner = existing.Owner ?? current.Definition.Owner;
            if (owner != extension.ModuleId && existing.Owner != extension.ModuleId)
            {
                throw new InvalidOperationException(
                    $"Module '{extension.ModuleId}' adds field '{extension.Entity}.{extension.Field}', which already belongs to '{existing.Owner ?? "the user"}'.");
            }

            return;
        }

        var property = compiler.Normalizer.NormalizeField(extension.Field, extension.Schema, extension.ModuleId);
        var next = Recompile(current, extension.Field, property, extension.Required);
        var request = new FieldChangeRequest { Schema = property, Required = extension.Required, Force = true };
        var diff = new JsonObject { ["op"] = "add", ["field"] = extension.Field, ["after"] = property.DeepClone(), ["module"] = extension.ModuleId };
        await ApplyFieldChangeAsync(principal, current, next, extension.Field, request, diff, cancellationToken);
    }

    private static bool RequiredIn(JsonObject document, string field) =>
        document["required"] is JsonArray required && required.Any(r => r?.GetValue<string>() == field);
}
