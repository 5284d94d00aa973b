using System.Text.Json.Nodes;
using CrmKit.Core.Fields;
using CrmKit.Sdk.Fields;
using CrmKit.Sdk.Localization;

namespace CrmKit.Core.Tests.Fields;

public sealed class FieldTypeRegistryTests
{
    [Fact]
    public void Add_ShouldMakeTypeFindableByName()
    {
        var registry = new FieldTypeRegistry();
        var inn = new TestFieldType("ru.inn");

        registry.Add(inn);

        registry.TryGet("ru.inn", out var found).ShouldBeTrue();
        found.ShouldBeSameAs(inn);
        registry.All.ShouldBe([inn]);
    }

    [Fact]
    public void Add_ShouldThrowNamingTheDuplicate()
    {
        var registry = new FieldTypeRegistry(BuiltInFieldTypeCatalog.All);

        var exception = Should.Throw<InvalidOperationException>(() => registry.Add(new TestFieldType("phone")));

        exception.Message.ShouldContain("'phone'");
        registry.TryGet("phone", out var phone).ShouldBeTrue();
        phone.ShouldNotBeOfType<TestFieldType>();
    }

    [Fact]
    public void Constructor_ShouldThrow_WhenTwoTypesShareAName()
    {
        Should.Throw<InvalidOperationException>(
            () => new FieldTypeRegistry([new TestFieldType("ru.inn"), new TestFieldType("ru.inn")]));
    }

    [Theory]
    [InlineData("Phone")]
    [InlineData("ru inn")]
    [InlineData("1c.code")]
    [InlineData("ru..inn")]
    [InlineData("ru.inn.")]
    public void Add_ShouldRefuseInvalidNames(string name)
    {
        Should.Throw<ArgumentException>(() => new FieldTypeRegistry().Add(new TestFieldType(name)))
            .Message.ShouldContain(name);
    }

    [Fact]
    public void TryGet_ShouldCompareNamesOrdinally()
    {
        var registry = new FieldTypeRegistry(BuiltInFieldTypeCatalog.All);

        registry.TryGet("PHONE", out _).ShouldBeFalse();
        registry.TryGet("unknown", out var missing).ShouldBeFalse();
        missing.ShouldBeNull();
    }

    [Fact]
    public void All_ShouldKeepRegistrationOrder()
    {
        var registry = new FieldTypeRegistry(BuiltInFieldTypeCatalog.All);
        var snapshot = registry.All;

        registry.Add(new TestFieldType("ru.kpp"));

        snapshot.Count.ShouldBe(BuiltInFieldTypeCatalog.All.Count);
        registry.All.Select(t => t.Descriptor.Name).Last().ShouldBe("ru.kpp");
        registry.All.Count.ShouldBe(BuiltInFieldTypeCatalog.All.Count + 1);
    }

    [Fact]
    public async Task Add_ShouldAcceptEachNameOnce_WhenCalledConcurrently()
    {
        var registry = new FieldTypeRegistry();
        var names = Enumerable.Range(0, 200).Select(i => $"plugin.type_{i % 50}").ToList();
        var failures = 0;

        await Task.WhenAll(names.Select(name => Task.Run(() =>
        {
            try
            {
                registry.Add(new TestFieldType(name));
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref failures);
            }
        })));

        registry.All.Count.ShouldBe(50);
        failures.ShouldBe(150);
        registry.All.Select(t => t.Descriptor.Name).Distinct().Count().ShouldBe(50);
    }

    private sealed class TestFieldType(string name) : FieldType(
        new FieldTypeDescriptor(name, FieldValueKind.Text, new JsonObject { ["type"] = "string" }, LocalizedText.Of(name)));
}
