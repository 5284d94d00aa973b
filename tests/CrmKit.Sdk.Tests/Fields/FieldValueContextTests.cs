using System.Text.Json.Nodes;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Sdk.Tests.Fields;

public class FieldValueContextTests
{
    private static readonly FieldDefinition Phone =
        new("phone", BuiltInFieldTypes.Phone, new JsonObject { ["type"] = "string" }, LocalizedText.Of("Phone"), required: false);

    [Fact]
    public void Errors_ShouldBeEmpty_WhenNothingReported()
    {
        var context = new FieldValueContext(Phone, JsonValue.Create("+7 916 123-45-67"), "/phone");

        context.HasErrors.ShouldBeFalse();
        context.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void AddError_ShouldRecordCodePointerAndMessage()
    {
        var context = new FieldValueContext(Phone, JsonValue.Create("12"), "/phone");
        var message = LocalizedText.Of("Not a phone number.", "Это не номер телефона.");

        context.AddError("phone.invalid", message);

        context.HasErrors.ShouldBeTrue();
        var error = context.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("phone.invalid");
        error.Pointer.ShouldBe("/phone");
        error.Message.ShouldBeSameAs(message);
    }

    [Fact]
    public void AddError_ShouldKeepEveryError_InOrder()
    {
        var context = new FieldValueContext(Phone, JsonValue.Create("x"), "/items/3/phone");

        context.AddError("phone.too_short", LocalizedText.Of("Too short."));
        context.AddError("phone.invalid", LocalizedText.Of("Invalid."));

        context.Errors.Select(e => e.Code).ShouldBe(["phone.too_short", "phone.invalid"]);
        context.Errors.ShouldAllBe(e => e.Pointer == "/items/3/phone");
    }

    [Fact]
    public void Value_ShouldBeReplaceable_ByNormalizer()
    {
        var context = new FieldValueContext(Phone, JsonValue.Create("8 916 123-45-67"), "/phone");

        context.Value = JsonValue.Create("+79161234567");

        context.Value.GetValue<string>().ShouldBe("+79161234567");
    }

    [Fact]
    public void Constructor_ShouldUseEmptyPointer_WhenPointerIsNull()
    {
        new FieldValueContext(Phone, JsonValue.Create("1"), null!).Pointer.ShouldBe(string.Empty);
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenValueIsNull()
    {
        Should.Throw<ArgumentNullException>(() => new FieldValueContext(Phone, null!, "/phone"));
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenFieldIsNull()
    {
        Should.Throw<ArgumentNullException>(() => new FieldValueContext(null!, JsonValue.Create(1), "/phone"));
    }
}
