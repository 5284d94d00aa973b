using System.Text.Json;

namespace CrmKit.Plugins.Manifest;

/// <summary>
/// Reads a plugin's <c>crmkit-plugin.json</c> without loading any of its assemblies, so that a host can plan
/// (<see cref="Planning.PluginPlanner"/>) before it loads code.
/// </summary>
/// <remarks>
/// <para>The file is one JSON object (UTF-8, no comments, no trailing commas):</para>
/// <code>
/// {
///   "id": "acme.loyalty",
///   "version": "1.4.0",
///   "displayName": "Loyalty levels",
///   "description": "Adds loyalty levels to contacts.",
///   "sdk": "[1.0,2.0)",
///   "dependencies": { "acme.base": "[1.2,2.0)" },
///   "provides": [ "field-type:acme.loyalty-level", "workflow-action:acme.loyalty.promote" ],
///   "replaces": [ ],
///   "decorates": [ ],
///   "assembly": "Acme.Loyalty.dll"
/// }
/// </code>
/// <list type="bullet">
/// <item><c>id</c> (required): lower-case dotted, see <see cref="PluginManifest.IsValidId"/>.</item>
/// <item><c>version</c> (required): a strict SemVer 2.0 version (<c>1.4.0</c>, <c>2.0.0-beta.1</c>).</item>
/// <item><c>sdk</c> (required): the NuGet version range of CrmKit.Sdk the plugin supports; floating ranges are refused.</item>
/// <item><c>displayName</c>, <c>description</c> (optional): strings.</item>
/// <item><c>dependencies</c> (optional): an object mapping plugin ids to NuGet version ranges.</item>
/// <item><c>provides</c> (optional): the <c>kind:name</c> names the plugin registers, each once.</item>
/// <item><c>replaces</c> (optional): names from <c>provides</c> the plugin deliberately takes over from a plugin it depends on.</item>
/// <item><c>decorates</c> (optional): names from <c>provides</c> the plugin wraps around the implementation of a plugin it depends on; planned like <c>replaces</c>.</item>
/// <item><c>assembly</c> (optional): the entry assembly's file name in the plugin folder (<c>Acme.Loyalty.dll</c>); a plain <c>.dll</c> file name.</item>
/// <item><c>$schema</c> (optional): ignored, so editors can offer completion.</item>
/// </list>
/// <para>
/// Any other member, a wrong JSON type, a member given twice or a value that does not parse throws a
/// <see cref="PluginManifestException"/> with a <c>plugin.manifest_*</c> code, the file path and the JSONPath of the
/// offending member.
/// </para>
/// </remarks>
public static partial class PluginManifestReader
{
    /// <summary>The name of the manifest file in a plugin folder.</summary>
    public const string FileName = "crmkit-plugin.json";

    /// <summary>Reads <see cref="FileName"/> from a plugin folder.</summary>
    /// <param name="pluginFolder">The plugin folder, as produced by <c>dotnet publish</c> of the plugin project.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The folder or file is missing, unreadable or invalid.</exception>
    public static PluginManifest ReadFromFolder(string pluginFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginFolder);
        return ReadFile(Path.Combine(pluginFolder, FileName));
    }

    /// <summary>Reads a manifest file.</summary>
    /// <param name="manifestPath">The path of the manifest file.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The file is missing, unreadable or invalid.</exception>
    public static PluginManifest ReadFile(string manifestPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifestPath);
        var fullPath = Path.GetFullPath(manifestPath);
        string json;
        try
        {
            json = File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Fail(PluginErrorCodes.ManifestMissing, PluginMessages.ManifestMissing(fullPath), fullPath, ManifestLocation.Root, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Fail(PluginErrorCodes.ManifestUnreadable, PluginMessages.ManifestUnreadable(fullPath, ex.Message), fullPath, ManifestLocation.Root, ex);
        }

        return Parse(json, fullPath);
    }

    /// <summary>Parses manifest text.</summary>
    /// <param name="json">The manifest JSON.</param>
    /// <param name="filePath">The path reported in errors (the file the text came from, or a descriptive name).</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="PluginManifestException">The text is malformed or invalid.</exception>
    public static PluginManifest Parse(string json, string filePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(filePath);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var message = PluginMessages.MalformedJson((ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
            throw Fail(PluginErrorCodes.ManifestInvalid, message, filePath, ManifestLocation.Root, ex);
        }

        using (document)
        {
            return new ManifestParser(filePath).Parse(document.RootElement);
        }
    }

    private static PluginManifestException Fail(string code, string message, string filePath, ManifestLocation at, Exception? inner = null) =>
        new(code, message, filePath, at.JsonPath, at.JsonPointer, inner);
}
