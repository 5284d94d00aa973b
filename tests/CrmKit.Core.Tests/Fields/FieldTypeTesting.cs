using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Tests.Fields;

/// <summary>Runs a field type's normalizer over JSON text the way the records service does.</summary>
internal static class FieldTypeTesting
{
    public const string Pointer = "/value";

    public static FieldValueContext Normalize(this IFieldType type, string json)
    {
        var field = new FieldDefinition(
            "value", type.Descriptor.Name, type.Descriptor.GetBaseSchema(), LocalizedText.Of("Value", "Значение"), false);
        var context = new FieldValueContext(field, JsonNode.Parse(json)!, Pointer);
        type.Normalize(context);
        return context;
    }

    public static string StringValue(this FieldValueContext context) => context.Value.GetValue<string>();

    public static string NumberText(this FieldValueContext context) => context.Value.ToJsonString();

    public static void ShouldBeAccepted(this FieldValueContext context) =>
        context.Errors.Select(e => e.Code).ShouldBeEmpty();

    public static void ShouldBeRefusedWith(this FieldValueContext context, string code)
    {
        context.Errors.Select(e => e.Code).ShouldBe([code]);
        var error = context.Errors[0];
        error.Pointer.ShouldBe(Pointer);
        error.Message.Texts.Keys.ShouldBe(["en", "ru"], ignoreOrder: true);
        error.Message.Texts["en"].ShouldNotBe(error.Message.Texts["ru"]);
    }
}
