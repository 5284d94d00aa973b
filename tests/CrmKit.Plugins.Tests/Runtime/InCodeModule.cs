using System.Text.Json.Nodes;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Builders;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using NuGet.Versioning;

namespace CrmKit.Plugins.Tests.Runtime;

/// <summary>A plugin the host adds in code: a code field type (trimmed, upper-cased) and a contact field using it.</summary>
internal sealed class InCodeModule : ICrmModule
{
    public const string PluginId = "test.in-code";

    public static PluginManifest Manifest { get; } = new(PluginId, NuGetVersion.Parse("1.0.0"), VersionRange.Parse("[0.1.0, 1.0.0)"))
    {
        Provides = ["field-type:test.in_code_code", "field:contact.in_code_code"],
    };

    public string Id => PluginId;

    public void Configure(ICrmBuilder builder)
    {
        builder.FieldTypes.Add(new CodeFieldType());
        builder.Entities.Extend("contact", contact => contact.AddField("in_code_code", CodeFieldType.Name));
    }

    private sealed class CodeFieldType() : FieldType(new FieldTypeDescriptor(
        Name, FieldValueKind.Text, new JsonObject { ["type"] = "string" }, LocalizedText.Of("Code")))
    {
        public const string Name = "test.in_code_code";

        public override void Normalize(FieldValueContext context) =>
            context.Value = JsonValue.Create(context.Value.GetValue<string>().Trim().ToUpperInvariant());
    }
}
