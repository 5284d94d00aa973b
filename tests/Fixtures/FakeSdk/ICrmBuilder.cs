namespace CrmKit.Sdk.Extensibility;

/// <summary>The CrmKit.Sdk 99 builder shape (a test stand-in).</summary>
public interface ICrmBuilder
{
    string ModuleId { get; }
}
