using CrmKit.Sdk.Extensibility;
using CrmKit.Sdk.Files;
using CrmKit.Sdk.Integrations;
using CrmKit.Sdk.Messaging;
using CrmKit.Sdk.Pipeline;
using CrmKit.Sdk.Tests.Fakes;
using CrmKit.Sdk.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Sdk.Tests.Extensibility;

public class CrmBuilderExtensionsTests
{
    private readonly FakeCrmBuilder _builder = new();

    [Fact]
    public void AddRecordHook_ShouldRegisterSingletonHook()
    {
        _builder.AddRecordHook<AuditHook>();

        var descriptor = _builder.Services.ShouldHaveSingleItem();
        descriptor.ServiceType.ShouldBe(typeof(IRecordHook));
        descriptor.ImplementationType.ShouldBe(typeof(AuditHook));
        descriptor.Lifetime.ShouldBe(ServiceLifetime.Singleton);
    }

    [Fact]
    public void AddRecordHook_ShouldRegisterOnce_WhenCalledTwiceWithSameType()
    {
        _builder.AddRecordHook<AuditHook>().AddRecordHook<AuditHook>();

        _builder.Services.Count.ShouldBe(1);
    }

    [Fact]
    public void AddRecordHook_ShouldKeepEveryHook_WhenTypesDiffer()
    {
        _builder.AddRecordHook<AuditHook>().AddRecordHook<NormalizeHook>();

        using var services = _builder.Services.BuildServiceProvider();
        services.GetServices<IRecordHook>().Select(h => h.Descriptor.Name).ShouldBe(["audit", "normalize"]);
    }

    [Fact]
    public void AddRecordHook_ShouldReturnSameBuilder()
    {
        _builder.AddRecordHook<AuditHook>().ShouldBeSameAs(_builder);
    }

    [Fact]
    public void AddWorkflowAction_ShouldResolveEveryActionAsSingleton()
    {
        _builder.AddWorkflowAction<EchoAction>().AddWorkflowAction<NoopAction>().AddWorkflowAction<EchoAction>();

        using var services = _builder.Services.BuildServiceProvider();
        var first = services.GetServices<IWorkflowAction>().ToList();
        var second = services.GetServices<IWorkflowAction>().ToList();
        first.Select(a => a.Descriptor.Type).ShouldBe(["test.echo", "test.noop"]);
        first[0].ShouldBeSameAs(second[0]);
    }

    [Fact]
    public void AddWorkflowTrigger_ShouldResolveTrigger()
    {
        _builder.AddWorkflowTrigger<CallMissedTrigger>();

        using var services = _builder.Services.BuildServiceProvider();
        services.GetServices<IWorkflowTrigger>().ShouldHaveSingleItem().Descriptor.Type.ShouldBe("telephony.call_missed");
    }

    [Fact]
    public void AddRegistryLookup_ShouldResolveLookup()
    {
        _builder.AddRegistryLookup<FixedRegistryLookup>();

        using var services = _builder.Services.BuildServiceProvider();
        services.GetServices<IRegistryLookup>().ShouldHaveSingleItem().Descriptor.Name.ShouldBe("fixed");
    }

    [Fact]
    public void AddAccountingExporter_ShouldResolveExporter()
    {
        _builder.AddAccountingExporter<CsvExporter>();

        using var services = _builder.Services.BuildServiceProvider();
        services.GetServices<IAccountingExporter>().ShouldHaveSingleItem().Descriptor.Format.ShouldBe("csv");
    }

    [Fact]
    public void AddMessageChannel_ShouldResolveChannel()
    {
        _builder.AddMessageChannel<EchoChannel>();

        using var services = _builder.Services.BuildServiceProvider();
        services.GetServices<IMessageChannel>().ShouldHaveSingleItem().Descriptor.ChannelType.ShouldBe("echo");
    }

    [Fact]
    public void AddFileStore_ShouldResolveStoreByName_AndPassTheName()
    {
        _builder.AddFileStore<InMemoryFileStore>("memory");

        using var services = _builder.Services.BuildServiceProvider();
        var store = services.GetRequiredKeyedService<IFileStore>("memory").ShouldBeOfType<InMemoryFileStore>();
        store.Name.ShouldBe("memory");
        services.GetRequiredKeyedService<IFileStore>("memory").ShouldBeSameAs(store);
        services.GetKeyedService<IFileStore>("s3").ShouldBeNull();
        services.GetService<IFileStore>().ShouldBeNull();
    }

    [Fact]
    public void AddFileStore_ShouldServeSeveralNames_WithOneType()
    {
        _builder.AddFileStore<InMemoryFileStore>("primary").AddFileStore<InMemoryFileStore>("archive");

        using var services = _builder.Services.BuildServiceProvider();
        var primary = services.GetRequiredKeyedService<IFileStore>("primary");
        var archive = services.GetRequiredKeyedService<IFileStore>("archive");
        primary.ShouldNotBeSameAs(archive);
        ((InMemoryFileStore)archive).Name.ShouldBe("archive");
    }

    [Fact]
    public void AddFileStore_ShouldRegisterOnce_WhenCalledTwiceWithSameNameAndType()
    {
        _builder.AddFileStore<InMemoryFileStore>("memory").AddFileStore<InMemoryFileStore>("memory");

        _builder.Services.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AddFileStore_ShouldThrow_WhenNameIsBlank(string name)
    {
        Should.Throw<ArgumentException>(() => _builder.AddFileStore<InMemoryFileStore>(name));
    }

    [Fact]
    public void AddWorkflowAction_ShouldThrow_WhenBuilderIsNull()
    {
        Should.Throw<ArgumentNullException>(() => CrmBuilderExtensions.AddWorkflowAction<EchoAction>(null!));
    }
}
