namespace CrmKit.Templates.Tests.Infrastructure;

/// <summary>
/// The template tests build and run real projects with child <c>dotnet</c> processes; they run one at a time, apart
/// from every other test class.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TemplatesCollectionDefinition
{
    public const string Name = "templates";
}
