using CrmKit.Core.Fields.BuiltIn;

namespace CrmKit.Core.Tests.Fields;

public sealed class EmailFieldTypeTests
{
    private readonly EmailFieldType _type = new();

    [Theory]
    [InlineData("Ivan.Petrov@Example.COM", "Ivan.Petrov@example.com")]
    [InlineData("  sales@ACME.ru \t", "sales@acme.ru")]
    [InlineData("\"Odd@Local\"@Mail.RU", "\"Odd@Local\"@mail.ru")]
    [InlineData("user@ПРИМЕР.РФ", "user@пример.рф")]
    [InlineData("plain@example.com", "plain@example.com")]
    public void Normalize_ShouldTrimAndLowerCaseDomainOnly(string input, string expected)
    {
        var context = _type.Normalize(System.Text.Json.JsonSerializer.Serialize(input));

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe(expected);
    }

    [Fact]
    public void Normalize_ShouldLeaveTextWithoutAtSignToTheSchema()
    {
        var context = _type.Normalize("\" Not An Address \"");

        context.ShouldBeAccepted();
        context.StringValue().ShouldBe("Not An Address");
    }

    [Fact]
    public void Descriptor_ShouldDeclareEmailFormatAndRfcLength()
    {
        var schema = _type.Descriptor.GetBaseSchema();

        schema["format"]!.GetValue<string>().ShouldBe("email");
        schema["maxLength"]!.GetValue<int>().ShouldBe(254);
    }
}
