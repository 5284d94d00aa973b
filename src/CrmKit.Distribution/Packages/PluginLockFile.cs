using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmKit.Core.Plugins.Packages;
using NuGet.Versioning;

namespace CrmKit.Distribution.Packages;

/// <summary>One plugin pinned in <c>plugins.lock.json</c>.</summary>
internal sealed record LockedPlugin(
    string Id, NuGetVersion Version, string Sha512, string Source, IReadOnlyDictionary<string, string> Dependencies, bool Requested)
{
    public InstalledPluginPackage ToInstalled() => new()
    {
        Id = Id,
        Version = Version.ToNormalizedString(),
        Sha512 = Sha512,
        Source = Source,
        Dependencies = [.. Dependencies.Select(d => $"{d.Key} {d.Value}")],
        Requested = Requested,
    };
}

/// <summary>
/// Reads and writes <c>plugins.lock.json</c>:
/// <code>
/// { "lockVersion": 1,
///   "plugins": [ { "id": "acme.loyalty", "version": "1.2.0", "sha512": "base64", "source": "acme-feed",
///                  "requested": true, "dependencies": { "acme.core": "[1.0.0, 2.0.0)" } } ] }
/// </code>
/// Plugins are ordered by id; the file is written to a temporary file and renamed into place.
/// </summary>
internal static class PluginLockFile
{
    public const int FormatVersion = 1;

    // The file is meant to be read and diffed by people (and committed beside a deployment): hashes keep their '+'
    // and '/' instead of \u002B escapes. It is never embedded in HTML, so the relaxed encoder is safe here.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the lock; a missing file is an empty lock.</summary>
    /// <exception cref="PluginPackageException">The file is not a valid lock file.</exception>
    public static IReadOnlyList<LockedPlugin> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new FormatException("the file is empty.");
            var format = root["lockVersion"]?.GetValue<int>() ?? throw new FormatException("\"lockVersion\" is missing.");
            if (format != FormatVersion)
            {
                throw new FormatException($"\"lockVersion\" is {format}; this host reads {FormatVersion}.");
            }

            var plugins = new List<LockedPlugin>();
            var index = 0;
            foreach (var node in root["plugins"]?.AsArray() ?? throw new FormatException("\"plugins\" is missing."))
            {
                var item = node?.AsObject() ?? throw new FormatException($"plugins[{index}] is not an object.");
                string Text(string name) => item[name]?.GetValue<string>() is { Length: > 0 } value
                    ? value
                    : throw new FormatException($"plugins[{index}].{name} is missing.");
                var version = NuGetVersion.TryParse(Text("version"), out var parsed)
                    ? parsed
                    : throw new FormatException($"plugins[{index}].version is not a version.");
                var dependencies = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var (id, range) in item["dependencies"]?.AsObject() ?? [])
                {
                    dependencies[id] = range?.GetValue<string>() ?? throw new FormatException($"plugins[{index}].dependencies.{id} is not a string.");
                }

                plugins.Add(new LockedPlugin(Text("id"), version, Text("sha512"), Text("source"), dependencies,
                    item["requested"]?.GetValue<bool>() ?? true));
                index++;
            }

            return plugins;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new PluginPackageException(
                [new PluginPackageProblem(PluginPackageErrorCodes.LockMismatch, PluginPackageMessages.LockInvalid(path, e.Message))], e);
        }
    }

    /// <summary>Writes the lock atomically (temporary file, then rename); an empty set still writes a file.</summary>
    public static void Write(string path, IEnumerable<LockedPlugin> plugins)
    {
        var array = new JsonArray();
        foreach (var plugin in plugins.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var dependencies = new JsonObject();
            foreach (var (id, range) in plugin.Dependencies.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                dependencies[id] = range;
            }

            array.Add(new JsonObject
            {
                ["id"] = plugin.Id,
                ["version"] = plugin.Version.ToNormalizedString(),
                ["sha512"] = plugin.Sha512,
                ["source"] = plugin.Source,
                ["requested"] = plugin.Requested,
                ["dependencies"] = dependencies,
            });
        }

        var root = new JsonObject { ["lockVersion"] = FormatVersion, ["plugins"] = array };
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temp, root.ToJsonString(Indented) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
