/**
 * Renderer entry: mounts the shell. The transport (IPC or HTTP) is chosen lazily
 * by lib/client.ts the first time a state module calls the core.
 */
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element');

export default mount(App, { target });
