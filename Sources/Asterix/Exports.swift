// ASTERIX items are written in the surveillance vocabulary (SensorID, TimeOfDay, Mode3A, …), so
// whoever decodes them gets that vocabulary too.
@_exported import Surveillance
