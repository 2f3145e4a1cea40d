using System.Security;
using DliSession.Client.Auth;

namespace DliSession.Client.Tests.Json;

/// <summary>The request and response examples of the DLI API reference (§2-§3), verbatim, for the wire tests.</summary>
internal static class DocumentedExamples
{
    public const string CreateRequest =
        """{"kind":"spark","cluster_name":"test_cluster","sc_type":"A","jars":["group.tesddws/gsjdbc4.jar"],"resources":[{"name":"group.tesddws/gsjdbc3.jar","type":"jar"}],"groups":[{"name":"group.tesddws","resources":[{"name":"gsjdbc2.jar","type":"jar"}]}]}""";

    /// <summary>The create answer of the Discarded variant: absent values are null.</summary>
    public const string SessionWithNulls =
        """{"id":"f28a0d0c-0a37-4bd4-8d1d-1416031e5151","appId":null,"name":null,"owner":null,"proxyUser":null,"state":"starting","kind":"spark","log":["stdout: ","\nstderr: ","\nYARN Diagnostics: "],"sc_type":"A","cluster_name":"test_cluster","create_time":1531906043036,"update_time":0}""";

    /// <summary>The Recommended variant: absent values are "", plus appInfo (an object) and queue.</summary>
    public const string SessionWithEmptyStrings =
        """{"id":"f28a0d0c-0a37-4bd4-8d1d-1416031e5151","appId":"","name":"","owner":"","proxyUser":"","state":"starting","kind":"spark","log":["stdout: ","\nstderr: ","\nYARN Diagnostics: "],"appInfo":{"driverLogUrl":null,"sparkUiUrl":null},"sc_type":"A","cluster_name":"test_cluster","queue":"test_queue","create_time":1531906043036,"update_time":0}""";

    public const string SessionList =
        """{"from":0,"total":1,"sessions":[{"id":"178bea2d-3a4b-45c6-b6c8-6b2e3a8b8b27","appId":"application_1521602145695_0044","name":null,"owner":"tenant1","proxyUser":"tenant1","state":"idle","kind":"spark","log":[],"appInfo":{"driverLogUrl":"http://d","sparkUiUrl":"http://u"},"sc_type":"A","cluster_name":"test_cluster","queue":"test_cluster","create_time":1531906043036}]}""";

    public const string SessionState = """{"id":"f28a0d0c-0a37-4bd4-8d1d-1416031e5151","state":"starting"}""";

    public const string SessionLog =
        """{"id":"f28a0d0c-0a37-4bd4-8d1d-1416031e5151","from":0,"total":3,"log":["stdout: ","\nstderr: ","\nYARN Diagnostics: "]}""";

    public const string Deleted = """{"msg":"deleted"}""";

    public const string Statement = """{"id":2,"code":"val a =0 ","state":"waiting","output":null,"progress":0}""";

    public const string FinishedStatement =
        """{"id":0,"code":"val a = 0","state":"available","output":{"status":"ok","execution_count":0,"data":{"text/plain":"a: Int = 0"}},"progress":1.0}""";

    public const string StatementList = """{"total_statements":1,"statements":[""" + FinishedStatement + "]}";

    public const string Error = """{"error_code":"DLI.0002","error_msg":"There is no queue named testqueue"}""";

    public static readonly string[] All =
        [SessionWithNulls, SessionWithEmptyStrings, SessionList, SessionState, SessionLog, Deleted, Statement, FinishedStatement, StatementList, Error];

    /// <summary>A context the mapper stamps on every object; nothing is sent with it.</summary>
    public static DliContext Context { get; } =
        new(new Uri("https://dli.example.test"), "project-1", new TokenCredential(new SecureString()));
}
