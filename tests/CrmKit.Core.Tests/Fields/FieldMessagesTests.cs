using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Metadata;

namespace CrmKit.Core.Tests.Fields;

public sealed class FieldMessagesTests
{
    public static TheoryData<string> Codes { get; } = new(
        typeof(FieldErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Get_ShouldHaveEnglishAndRussianMessageForEveryCode(string code)
    {
        var context = new FieldValueContext(
            new FieldDefinition("f", "string", [], LocalizedText.Of("F"), false), JsonValue.Create("x"), "/f");

        FieldMessages.Report(context, code, "A", 1);

        context.ShouldBeRefusedWith(code, "/f");
    }

    [Fact]
    public void Resources_ShouldDefineTheSameKeysInEnglishAndRussian()
    {
        var english = Keys(CultureInfo.InvariantCulture);
        var russian = Keys(CultureInfo.GetCultureInfo("ru"));

        russian.ShouldBe(english, ignoreOrder: true);
        english.Count.ShouldBeGreaterThan(30);
    }

    private static List<string> Keys(CultureInfo culture)
    {
        var set = FieldMessages.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).ToList();
    }
}

internal static class FieldMessagesTestExtensions
{
    public static void ShouldBeRefusedWith(this FieldValueContext context, string code, string pointer)
    {
        var error = context.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(code);
        error.Pointer.ShouldBe(pointer);
        error.Message.Texts["en"].ShouldNotBe(error.Message.Texts["ru"]);
        error.Message.Texts["en"].ShouldNotContain("_");
        error.Message.Texts["ru"].ShouldNotContain("_");
    }
}
