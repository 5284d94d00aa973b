using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Plugins;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Settings;
using Microsoft.AspNetCore.Builder;
using NuGet.Versioning;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real REST API on Kestrel over SQLite with the plugin runtime: a plugins folder in a temp directory (unwatched)
/// and <see cref="ScorePlugin"/> added in code.
/// </summary>
public sealed class RealPluginServer : RealServer
{
    protected override void Configure(WebApplicationBuilder builder, CrmKitBuilder crm) =>
        crm.AddPlugins(o =>
        {
            o.Directory = Path.Combine(Directory, "plugins");
            o.WatchDirectory = false;
            o.AddInCode(new ScorePlugin(), ScorePlugin.Manifest);
        });

    /// <summary>A plugin with the field type test.score and the field contact.test_score.</summary>
    public sealed class ScorePlugin : ICrmModule
    {
        public const string PluginId = "test.score";

        public static PluginManifest Manifest { get; } =
            new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)")) { DisplayName = "Scores" };

        public string Id => PluginId;

        public void Configure(ICrmBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.FieldTypes.Add(new ScoreFieldType());
            builder.Entities.Extend("contact", contact => contact.AddField("test_score", "test.score"));
            builder.AddSettings(new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["label"] = new JsonObject { ["type"] = "string", ["maxLength"] = 10 },
                    ["apiKey"] = new JsonObject { ["type"] = "string", ["writeOnly"] = true },
                },
            });
        }

        private sealed class ScoreFieldType() : FieldType(new FieldTypeDescriptor(
            "test.score", FieldValueKind.Integer, new JsonObject { ["type"] = "integer" }, LocalizedText.Of("Score")));
    }
}
