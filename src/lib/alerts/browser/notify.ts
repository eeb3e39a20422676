/** What the browser lets the page do with system notifications. */
export type Permission = NotificationPermission | 'unsupported';

export function notificationPermission(): Permission {
	return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks only when not yet decided; a denial is returned, for the page to show. */
export async function askNotificationPermission(): Promise<Permission> {
	if (typeof Notification === 'undefined') return 'unsupported';
	if (Notification.permission !== 'default') return Notification.permission;
	return Notification.requestPermission();
}

/** A system notification, through the service worker when one is registered (needed on mobile). */
export async function showNotification(title: string, body: string, tag: string): Promise<boolean> {
	if (notificationPermission() !== 'granted') return false;
	const registration = await navigator.serviceWorker?.getRegistration?.().catch(() => undefined);
	if (registration) await registration.showNotification(title, { body, tag });
	else new Notification(title, { body, tag });
	return true;
}
