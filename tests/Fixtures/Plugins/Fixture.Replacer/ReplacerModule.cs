using System.Text.Json.Nodes;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace Fixture.Replacer;

/// <summary>Takes over the field type fixture.code from fixture.conflict-a, which it depends on.</summary>
public sealed class ReplacerModule : ICrmModule
{
    public string Id => "fixture.replacer";

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldTypes.Add(new CodeFieldType());
    }

    private sealed class CodeFieldType() : FieldType(new FieldTypeDescriptor(
        "fixture.code", FieldValueKind.Text, new JsonObject { ["type"] = "string", ["maxLength"] = 16 }, LocalizedText.Of("Code (replaced)")));
}
