namespace LogSentinel.Simulate.World;

/// <summary>Kinds of agencies that look citizens up through the gateway.</summary>
internal enum AgencyKind : byte
{
    /// <summary>One-stop public service centre (bo phan mot cua): busiest, open Saturday mornings.</summary>
    OneStop,

    /// <summary>Land registration office branch (van phong dang ky dat dai).</summary>
    LandRegistration,

    /// <summary>Tax sub-department (chi cuc thue).</summary>
    Tax,

    /// <summary>District police (cong an): day desks and night shifts.</summary>
    Police,

    /// <summary>Labour, invalids and social affairs office.</summary>
    Labour,

    /// <summary>Justice office (phong tu phap): civil status.</summary>
    Justice,

    /// <summary>Provincial data-integration centre: home of the system-to-system service accounts.</summary>
    DataCentre,
}
