namespace LogSentinel.Simulate.Output;

/// <summary>How gateway lines are written.</summary>
public enum GatewayFormat
{
    /// <summary><c>gateway-json</c>: one JSON object per line.</summary>
    Json,

    /// <summary><c>gateway-combined</c>: NGINX combined format plus request time and request id.</summary>
    Combined,
}
