using System.Globalization;
using System.Text.Json.Nodes;
using CrmKit.Benchmarks.Plugins;
using CrmKit.Editions.Packing;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Benchmarks.Editions;

/// <summary>
/// A folder feed for the edition benchmark: 10 plugin packages (copies of Fixture.Bench, laid out as the CrmKit.Sdk
/// pack targets lay out a plugin) and one edition package declaring them with ranges, 30 entities of 8 fields each
/// (lookups between them), 3 seed records per entity, and a nuget.config naming the feed.
/// </summary>
internal static class EditionBenchSet
{
    public const string EditionId = "bench.edition";
    public const int PluginCount = 10;
    public const int EntityCount = 30;
    public const int SeedPerEntity = 3;

    /// <summary>Writes the feed under <paramref name="root"/>; returns the nuget.config path.</summary>
    public static string Create(string root)
    {
        var feed = Path.Combine(root, "feed");
        var plugins = Path.Combine(root, "plugin-folders");
        Directory.CreateDirectory(feed);
        BenchPluginSet.Create(plugins, PluginCount);
        for (var i = 1; i <= PluginCount; i++)
        {
            PackPlugin(Path.Combine(plugins, BenchPluginSet.Id(i)), BenchPluginSet.Id(i), feed);
        }

        EditionPackager.Pack(WriteEdition(Path.Combine(root, "edition")), feed);
        var config = Path.Combine(root, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="bench" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return config;
    }

    public static string Entity(int index) => "bench_entity_" + index.ToString("00", CultureInfo.InvariantCulture);

    private static void PackPlugin(string folder, string id, string feed)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse("1.0.0"), Description = "Benchmark plugin " + id };
        builder.Authors.Add("CrmKit benchmarks");
        builder.PackageTypes.Add(new PackageType("CrmKitPlugin", new Version(0, 0)));
        builder.Files.Add(new PhysicalPackageFile { SourcePath = Path.Combine(folder, "crmkit-plugin.json"), TargetPath = "crmkit-plugin.json" });
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = "lib/net10.0/" + Path.GetRelativePath(folder, file).Replace('\\', '/') });
        }

        using var stream = File.Create(Path.Combine(feed, $"{id}.1.0.0.nupkg"));
        builder.Save(stream);
    }

    private static string WriteEdition(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "entities"));
        Directory.CreateDirectory(Path.Combine(folder, "seed"));
        var plugins = new JsonObject();
        for (var i = 1; i <= PluginCount; i++)
        {
            plugins[BenchPluginSet.Id(i)] = "[1.0.0, 2.0.0)";
        }

        var entities = new JsonArray();
        var seed = new JsonArray();
        for (var e = 1; e <= EntityCount; e++)
        {
            var name = Entity(e);
            var properties = new JsonObject
            {
                ["title"] = new JsonObject { ["x-crm-type"] = "string", ["maxLength"] = 200 },
                ["code"] = new JsonObject { ["x-crm-type"] = "string", ["x-crm-unique"] = true },
                ["status"] = new JsonObject { ["x-crm-type"] = "enum", ["enum"] = new JsonArray("new", "active", "closed"), ["x-crm-indexed"] = true },
                ["amount"] = new JsonObject { ["x-crm-type"] = "money" },
                ["due"] = new JsonObject { ["x-crm-type"] = "date", ["x-crm-indexed"] = true },
                ["count"] = new JsonObject { ["x-crm-type"] = "integer", ["minimum"] = 0 },
                ["notes"] = new JsonObject { ["x-crm-type"] = "text" },
                ["company"] = new JsonObject { ["x-crm-type"] = "lookup", ["x-crm-lookup"] = new JsonObject { ["entity"] = "company", ["onDelete"] = "setNull" } },
            };
            var document = new JsonObject
            {
                ["x-crm-entity"] = name,
                ["x-crm-labels"] = new JsonObject { ["en"] = "Bench entity " + e, ["ru"] = "Сущность " + e },
                ["properties"] = properties,
                ["required"] = new JsonArray("title"),
            };
            File.WriteAllText(Path.Combine(folder, "entities", name + ".schema.json"), document.ToJsonString());
            entities.Add("entities/" + name + ".schema.json");
            var records = new JsonArray();
            for (var r = 1; r <= SeedPerEntity; r++)
            {
                records.Add(new JsonObject
                {
                    ["key"] = "r" + r,
                    ["values"] = new JsonObject { ["title"] = $"{name} {r}", ["code"] = $"C{r}", ["status"] = "new", ["count"] = r },
                });
            }

            File.WriteAllText(Path.Combine(folder, "seed", name + ".json"), new JsonObject { ["entity"] = name, ["records"] = records }.ToJsonString());
            seed.Add("seed/" + name + ".json");
        }

        var manifest = new JsonObject
        {
            ["id"] = EditionId,
            ["version"] = "1.0.0",
            ["title"] = "Benchmark edition",
            ["plugins"] = plugins,
            ["entities"] = entities,
            ["seed"] = seed,
        };
        File.WriteAllText(Path.Combine(folder, "edition.json"), manifest.ToJsonString());
        return folder;
    }
}
