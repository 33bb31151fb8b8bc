// dialog.js - asking before something that cannot be undone (publishing
// an edition, disabling a user, leaving unsaved scores): a modal <dialog>
// that the keyboard works as a browser's own (Tab stays inside, Escape
// cancels), with the safe choice focused first.

import { h } from './dom.js';
import { t } from './i18n.js';

let open = null;

// Resolves true when the user confirms. opts: {title, text, confirm,
// cancel, danger}; at most one dialog is open at a time.
export function confirmDialog(opts) {
	if (open)
		open.close('cancel');
	const returnTo = document.activeElement;
	const title = h('h2', { id: 'confirm-title' }, opts.title);
	const text = h('p', { id: 'confirm-text' }, opts.text);
	const cancel = h('button', { type: 'button', id: 'confirm-cancel', class: 'secondary' },
		opts.cancel || t('dialog.cancel'));
	const ok = h('button', { type: 'button', id: 'confirm-ok', class: opts.danger ? 'danger' : null },
		opts.confirm);
	const dialog = h('dialog', {
		id: 'confirm-dialog', class: 'confirm', 'aria-labelledby': 'confirm-title',
		'aria-describedby': 'confirm-text'
	}, title, text, h('div', { class: 'actions' }, cancel, ok));
	document.body.append(dialog);
	open = dialog;
	return new Promise(resolve => {
		cancel.addEventListener('click', () => dialog.close('cancel'));
		ok.addEventListener('click', () => dialog.close('ok'));
		dialog.addEventListener('close', () => {
			if (open === dialog)
				open = null;
			dialog.remove();
			if (returnTo && returnTo.isConnected && typeof returnTo.focus === 'function')
				returnTo.focus();
			resolve(dialog.returnValue === 'ok');
		});
		dialog.showModal();
		cancel.focus();
	});
}
