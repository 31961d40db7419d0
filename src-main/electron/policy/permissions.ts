/**
 * Web permissions (camera, microphone, location, notifications, clipboard reading, MIDI,
 * HID, serial, …): the window needs none of them, so every request and every check is
 * answered no. Pasting works without a permission (the paste event carries the data).
 */
export function permissionGranted(_permission: string): false {
  return false;
}
