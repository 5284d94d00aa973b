using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CrmKit.Benchmarks.Editions;

/// <summary>The plan baseline: opening the edition package and parsing every entity and seed file (no checks, no diff).</summary>
internal static class EditionPackageReader
{
    public static IReadOnlyList<(JsonObject Document, IReadOnlyList<JsonObject> Seed)> Read(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var seed = new Dictionary<string, List<JsonObject>>(StringComparer.Ordinal);
        var documents = new List<JsonObject>();
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.StartsWith("edition/entities/", StringComparison.Ordinal))
            {
                using var stream = entry.Open();
                documents.Add(JsonNode.Parse(stream)!.AsObject());
            }
            else if (entry.FullName.StartsWith("edition/seed/", StringComparison.Ordinal))
            {
                using var stream = entry.Open();
                var file = JsonNode.Parse(stream)!.AsObject();
                seed[file["entity"]!.GetValue<string>()] = file["records"]!.AsArray().Select(r => r!["values"]!.AsObject()).ToList();
            }
        }

        return documents.Select(d => (d, (IReadOnlyList<JsonObject>)seed.GetValueOrDefault(d["x-crm-entity"]!.GetValue<string>(), []))).ToList();
    }
}
