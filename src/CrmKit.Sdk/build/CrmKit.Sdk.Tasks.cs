// The build task behind CrmKit.Sdk.targets, compiled by MSBuild's RoslynCodeTaskFactory when a plugin builds.
// It writes the two files a plugin's identity goes into: crmkit-plugin.json (after every build) and, when the plugin is
// packed, the .nuspec of its CrmKitPlugin package. Values reach it as plain task parameters, so nothing in them is
// rewritten on the way (MSBuild turns backslashes in item specs into slashes on Linux; parameters stay as written).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class CrmKitWritePluginFile : Task
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    /// <summary>"manifest" (crmkit-plugin.json) or "nuspec" (the package's .nuspec).</summary>
    [Required]
    public string Format { get; set; } = "";

    [Required]
    public string Output { get; set; } = "";

    [Required]
    public string Id { get; set; } = "";

    [Required]
    public string Version { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string Description { get; set; } = "";

    public string SdkRange { get; set; } = "";

    public string Assembly { get; set; } = "";

    /// <summary>Plugin ids, each with VersionRange metadata.</summary>
    public ITaskItem[] Dependencies { get; set; } = Array.Empty<ITaskItem>();

    public string[] Provides { get; set; } = Array.Empty<string>();

    public string[] Replaces { get; set; } = Array.Empty<string>();

    public string[] Decorates { get; set; } = Array.Empty<string>();

    public string TargetFramework { get; set; } = "";

    public string Authors { get; set; } = "";

    public string Copyright { get; set; } = "";

    public string Tags { get; set; } = "";

    public string LicenseExpression { get; set; } = "";

    public string ProjectUrl { get; set; } = "";

    public string RepositoryUrl { get; set; } = "";

    public string RepositoryType { get; set; } = "";

    public string RepositoryCommit { get; set; } = "";

    /// <summary>The readme's file name at the package root, when the package carries one.</summary>
    public string Readme { get; set; } = "";

    public override bool Execute()
    {
        var text = Format switch
        {
            "manifest" => Manifest(),
            "nuspec" => NuspecDocument(),
            _ => null,
        };
        if (text is null)
        {
            Log.LogError("CrmKitWritePluginFile: unknown Format '{0}'.", Format);
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Output))!);
        if (!File.Exists(Output) || File.ReadAllText(Output, Encoding.UTF8) != text)
        {
            File.WriteAllText(Output, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }

        return true;
    }

    private string Manifest()
    {
        var dependencies = string.Join(", ", Dependencies.Select(d => $"{Json(d.ItemSpec)}: {Json(d.GetMetadata("VersionRange"))}"));
        return "{\n" +
            $"  \"id\": {Json(Id)},\n" +
            $"  \"version\": {Json(Version)},\n" +
            $"  \"displayName\": {Json(OneLine(DisplayName.Length == 0 ? Id : DisplayName))},\n" +
            $"  \"description\": {Json(OneLine(Description))},\n" +
            $"  \"sdk\": {Json(SdkRange)},\n" +
            $"  \"dependencies\": {Wrap("{", dependencies, "}")},\n" +
            $"  \"provides\": {Wrap("[", string.Join(", ", Provides.Select(Json)), "]")},\n" +
            $"  \"replaces\": {Wrap("[", string.Join(", ", Replaces.Select(Json)), "]")},\n" +
            $"  \"decorates\": {Wrap("[", string.Join(", ", Decorates.Select(Json)), "]")},\n" +
            $"  \"assembly\": {Json(Assembly)}\n" +
            "}\n";
    }

    private string NuspecDocument()
    {
        var title = OneLine(DisplayName.Length == 0 ? Id : DisplayName);
        var description = OneLine(Description);
        var metadata = new XElement(Nuspec + "metadata",
            new XElement(Nuspec + "id", Id),
            new XElement(Nuspec + "version", Version),
            new XElement(Nuspec + "title", title),
            new XElement(Nuspec + "authors", Authors.Length == 0 ? Id : Authors),
            new XElement(Nuspec + "description", description.Length == 0 ? title : description));
        Optional(metadata, "copyright", Copyright);
        if (LicenseExpression.Length > 0)
        {
            metadata.Add(new XElement(Nuspec + "license", new XAttribute("type", "expression"), LicenseExpression));
        }

        Optional(metadata, "projectUrl", ProjectUrl);
        Optional(metadata, "readme", Readme);
        var tags = new[] { "crmkit", "crmkit-plugin" }
            .Concat(Tags.Split(new[] { ';', ',', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        metadata.Add(new XElement(Nuspec + "tags", string.Join(" ", tags)));
        metadata.Add(new XElement(Nuspec + "packageTypes", new XElement(Nuspec + "packageType", new XAttribute("name", "CrmKitPlugin"))));
        if (RepositoryUrl.Length > 0)
        {
            var repository = new XElement(Nuspec + "repository", new XAttribute("url", RepositoryUrl));
            if (RepositoryType.Length > 0)
            {
                repository.Add(new XAttribute("type", RepositoryType));
            }

            if (RepositoryCommit.Length > 0)
            {
                repository.Add(new XAttribute("commit", RepositoryCommit));
            }

            metadata.Add(repository);
        }

        // Plugin→plugin dependencies: the package id of a plugin is its plugin id, so a feed resolves them by range.
        metadata.Add(new XElement(Nuspec + "dependencies",
            new XElement(Nuspec + "group", new XAttribute("targetFramework", TargetFramework),
                Dependencies.Select(d => new XElement(Nuspec + "dependency",
                    new XAttribute("id", d.ItemSpec),
                    new XAttribute("version", d.GetMetadata("VersionRange")))))));

        var files = new XElement(Nuspec + "files",
            new XElement(Nuspec + "file", new XAttribute("src", "crmkit-plugin.json"), new XAttribute("target", "crmkit-plugin.json")),
            new XElement(Nuspec + "file", new XAttribute("src", "lib/**/*"), new XAttribute("target", "lib/" + TargetFramework + "/")));
        if (Readme.Length > 0)
        {
            files.Add(new XElement(Nuspec + "file", new XAttribute("src", Readme), new XAttribute("target", Readme)));
        }

        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Nuspec + "package", metadata, files));
        return document.Declaration + "\n" + document.Root + "\n";
    }

    private static void Optional(XElement metadata, string name, string value)
    {
        if (value.Length > 0)
        {
            metadata.Add(new XElement(Nuspec + name, value));
        }
    }

    private static string Wrap(string open, string members, string close) =>
        members.Length == 0 ? open + " " + close : open + " " + members + " " + close;

    /// <summary>White space runs (line breaks included) become one space; the ends are trimmed.</summary>
    private static string OneLine(string value) => Regex.Replace(value ?? "", @"\s+", " ").Trim();

    private static string Json(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
