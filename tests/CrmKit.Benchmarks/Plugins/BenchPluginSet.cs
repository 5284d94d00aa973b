using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace CrmKit.Benchmarks.Plugins;

/// <summary>
/// A plugins folder with N copies of the published Fixture.Bench plugin, each a distinct plugin: its manifest's
/// <c>id</c> rewritten and, in its copy of Fixture.Bench.dll, the module's <c>Id</c> string literal rewritten to the
/// same id. The runtime requires the module's <c>Id</c> to equal the manifest id, and a plugin cannot find its own
/// folder to read its manifest (the runtime loads assemblies from memory, so <c>Assembly.Location</c> is empty); so
/// every copy carries its id compiled in, as a real plugin does. The ids have the fixture id's length
/// (<c>benchmark.p01</c> … for <c>fixture.bench</c>), so the patch replaces characters in the user-string heap and
/// changes no offsets.
/// </summary>
internal static class BenchPluginSet
{
    public const string FixtureId = "fixture.bench";
    private const string ManifestFile = "crmkit-plugin.json";

    /// <summary>The published fixture (copied next to the benchmark by its build).</summary>
    public static string FixtureFolder { get; } = Path.Combine(AppContext.BaseDirectory, "fixture-plugins", FixtureId);

    /// <summary>The id of the <paramref name="index"/>-th copy (1-based): benchmark.p01 … benchmark.p99.</summary>
    public static string Id(int index) => "benchmark.p" + index.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>The contact field the copy registers (see BenchModule: bench_ + id with dots and hyphens as underscores).</summary>
    public static string Field(int index) => "bench_" + Id(index).Replace('.', '_').Replace('-', '_');

    /// <summary>Creates <paramref name="folder"/> holding <paramref name="count"/> plugin folders.</summary>
    public static void Create(string folder, int count)
    {
        if (!File.Exists(Path.Combine(FixtureFolder, ManifestFile)))
        {
            throw new InvalidOperationException($"The published fixture plugin is missing at '{FixtureFolder}'; build tests/CrmKit.Benchmarks (its build publishes Fixture.Bench).");
        }

        Directory.CreateDirectory(folder);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(FixtureFolder, ManifestFile)))!.AsObject();
        var assemblyFile = (string)manifest["assembly"]!;
        var assembly = File.ReadAllBytes(Path.Combine(FixtureFolder, assemblyFile));
        for (var i = 1; i <= count; i++)
        {
            var id = Id(i);
            var target = Path.Combine(folder, id);
            foreach (var file in Directory.EnumerateFiles(FixtureFolder, "*", SearchOption.AllDirectories))
            {
                var destination = Path.Combine(target, Path.GetRelativePath(FixtureFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Copy(file, destination, overwrite: true);
            }

            manifest["id"] = id;
            manifest["displayName"] = "Bench plugin " + i.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(target, ManifestFile), manifest.ToJsonString());
            File.WriteAllBytes(Path.Combine(target, assemblyFile), WithModuleId(assembly, id));
        }
    }

    /// <summary>The assembly with its one UTF-16 occurrence of the fixture id (the <c>Id</c> literal) replaced.</summary>
    private static byte[] WithModuleId(byte[] assembly, string id)
    {
        var from = Encoding.Unicode.GetBytes(FixtureId);
        var to = Encoding.Unicode.GetBytes(id);
        if (from.Length != to.Length)
        {
            throw new ArgumentException($"The plugin id '{id}' must have the length of '{FixtureId}'.", nameof(id));
        }

        var span = assembly.AsSpan();
        var at = span.IndexOf(from);
        if (at < 0 || span[(at + 1)..].IndexOf(from) >= 0)
        {
            throw new InvalidOperationException($"Expected exactly one UTF-16 '{FixtureId}' (BenchModule.Id) in the fixture assembly.");
        }

        var patched = (byte[])assembly.Clone();
        to.CopyTo(patched.AsSpan(at));
        return patched;
    }
}
