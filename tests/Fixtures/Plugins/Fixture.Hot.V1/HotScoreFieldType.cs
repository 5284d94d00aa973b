using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace Fixture.Hot;

/// <summary>An integer field type whose display name reveals which build of the plugin registered it.</summary>
public sealed class HotScoreFieldType() : FieldType(new FieldTypeDescriptor(
    Name, FieldValueKind.Integer, new JsonObject { ["type"] = "integer" }, LocalizedText.Of("Hot score " + HotModule.PluginVersion)))
{
    public const string Name = "fixture.hot_score";
}
