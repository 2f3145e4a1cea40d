using System.Management.Automation;
using DliSession.Client.Models;
using DliSession.Commands.Binding;

namespace DliSession.Commands.Infrastructure;

/// <summary>
/// The parameters New-DliSession and Submit-DliSparkJob share, declared once: the compute type, the packages and
/// configuration, the name and the sizing, each with its alias and validation, and their copy into the request's
/// shared fields (<see cref="SparkApplicationRequest"/>). The queue, the files and what each cmdlet alone takes stay
/// with the cmdlet.
/// </summary>
public abstract class SparkApplicationCmdlet : DliCmdlet
{
    [Parameter]
    [ValidateSet("A", "B", "C")]
    public string? ScType { get; set; }

    [Parameter, Alias("Jars")]
    [ValidateNotNullOrEmpty]
    public string[]? Jar { get; set; }

    [Parameter, Alias("PyFiles")]
    [ValidateNotNullOrEmpty]
    public string[]? PyFile { get; set; }

    [Parameter, Alias("Modules")]
    [ValidateNotNullOrEmpty]
    public string[]? Module { get; set; }

    [Parameter, Alias("Resources")]
    [SessionResource]
    [ValidateNotNullOrEmpty]
    public SessionResource[]? Resource { get; set; }

    [Parameter, Alias("Groups")]
    [SessionResourceGroup]
    [ValidateNotNullOrEmpty]
    public SessionResourceGroup[]? Group { get; set; }

    [Parameter]
    [SparkConf]
    [ValidateNotNull]
    public Dictionary<string, string>? Conf { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateLength(1, SparkApplicationRequest.MaxNameLength)]
    public string? Name { get; set; }

    [Parameter]
    [SparkMemory]
    [ValidateNotNullOrEmpty]
    public string? DriverMemory { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? DriverCores { get; set; }

    [Parameter]
    [SparkMemory]
    [ValidateNotNullOrEmpty]
    public string? ExecutorMemory { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? ExecutorCores { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int? NumExecutors { get; set; }

    /// <summary>
    /// <paramref name="request"/> with the shared parameters in its shared fields. The compute type goes out in
    /// capitals, as DLI documents the values, whatever case -ScType was typed in.
    /// </summary>
    private protected T WithSharedFields<T>(T request) where T : SparkApplicationRequest
    {
        request.ScType = ScType?.ToUpperInvariant();
        request.Jars = Jar;
        request.PyFiles = PyFile;
        request.Modules = Module;
        request.Resources = Resource;
        request.Groups = Group;
        request.Conf = Conf;
        request.Name = Name;
        request.DriverMemory = DriverMemory;
        request.DriverCores = DriverCores;
        request.ExecutorMemory = ExecutorMemory;
        request.ExecutorCores = ExecutorCores;
        request.NumExecutors = NumExecutors;
        return request;
    }
}
