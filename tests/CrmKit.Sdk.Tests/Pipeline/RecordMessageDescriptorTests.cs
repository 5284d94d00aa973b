using System.Text.Json.Nodes;
using CrmKit.Sdk.Localization;
using CrmKit.Sdk.Pipeline;

namespace CrmKit.Sdk.Tests.Pipeline;

public sealed class RecordMessageDescriptorTests
{
    [Theory]
    [InlineData("lead.qualify")]
    [InlineData("acme.loyalty.grant-points_2")]
    public void Constructor_ShouldAcceptLowerCaseDottedNames(string name) =>
        new RecordMessageDescriptor(name, "lead", LocalizedText.Of("x")).Name.ShouldBe(name);

    [Theory]
    [InlineData("Lead.Qualify")]
    [InlineData("lead qualify")]
    [InlineData("lead/qualify")]
    [InlineData(".lead")]
    public void Constructor_ShouldRefuseNamesThatAreNotLowerCaseDotted(string name) =>
        Should.Throw<ArgumentException>(() => new RecordMessageDescriptor(name, "lead", LocalizedText.Of("x")));

    [Fact]
    public void GetInputSchema_ShouldReturnACopy_AndAcceptAnyObjectWhenNoneIsGiven()
    {
        var schema = new JsonObject { ["type"] = "object", ["required"] = new JsonArray("reason") };
        var descriptor = new RecordMessageDescriptor("lead.qualify", "lead", LocalizedText.Of("Qualify"), schema);
        schema["required"]!.AsArray().Add("other");

        descriptor.GetInputSchema()["required"]!.AsArray().Count.ShouldBe(1);
        descriptor.GetInputSchema().Remove("type");
        descriptor.GetInputSchema()["type"]!.GetValue<string>().ShouldBe("object");
        new RecordMessageDescriptor("lead.x", "*", LocalizedText.Of("X")).GetInputSchema().ToJsonString().ShouldBe("""{"type":"object"}""");
    }
}
