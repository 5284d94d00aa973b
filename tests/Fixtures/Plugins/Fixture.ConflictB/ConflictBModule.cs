using System.Text.Json.Nodes;
using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace Fixture.ConflictB;

/// <summary>Adds the field type fixture.code, which another fixture also adds.</summary>
public sealed class ConflictBModule : ICrmModule
{
    public string Id => "fixture.conflict-b";

    public void Configure(ICrmBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.FieldTypes.Add(new CodeFieldType());
    }

    private sealed class CodeFieldType() : FieldType(new FieldTypeDescriptor(
        "fixture.code", FieldValueKind.Text, new JsonObject { ["type"] = "string" }, LocalizedText.Of("Code (B)")));
}
